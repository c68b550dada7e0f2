import twilio from 'twilio';
import { TwilioApiStandIn } from './support/twilio-api-stand-in';
import {
  danishMobile, newCallSid, newRecordingSid, parseTwiml, pathOf, postSigned, saidIn, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER,
} from './support/twilio-webhooks';
import { startServer, TestServer } from './support/test-server';

jest.setTimeout(90_000);

describe('the phone channel (Twilio voice webhooks)', () => {
  let twilioApi: TwilioApiStandIn;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    twilioApi = new TwilioApiStandIn(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    await twilioApi.start();
    server = await startServer({
      env: {
        TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER: TWILIO_NUMBER, TWILIO_API_BASE_URL: twilioApi.url, TWILIO_USD_RATE_ORE: '690',
        SECRET_KEY: 'cd'.repeat(32), ROUTING_PRESENCE_GRACE_SECONDS: '3600',
      },
    });
    admin = await server.adminToken();
    await server.as(admin).put('/api/v1/phone/ivr-menu').send({ items: [{ digit: 1, topic: 'affald' }, { digit: 2, topic: 'ydelser' }, { digit: 3, topic: 'boern-og-skole' }] }).expect(200);
  });

  afterAll(async () => {
    await server?.stop();
    await twilioApi?.stop();
  });

  const call = async (callSid: string) => (await server.as(admin).get(`/api/v1/phone/calls/${callSid}`).expect(200)).body;
  const contactOfCall = async (callSid: string) => {
    const record = await call(callSid);
    const detail = (await server.as(admin).get(`/api/v1/cases/${record.caseId}`).expect(200)).body;
    return { record, detail, contact: detail.contacts.find((c: { id: string }) => c.id === record.contactId) };
  };
  const eventually = async <T>(probe: () => Promise<T | undefined>, what: string): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  describe('signatures', () => {
    const params = () => ({ CallSid: newCallSid(), From: danishMobile(), To: TWILIO_NUMBER, CallStatus: 'ringing', AccountSid: TWILIO_ACCOUNT_SID });

    it.each(['/webhooks/twilio/voice', '/webhooks/twilio/voice/topic?lang=da', '/webhooks/twilio/voice/status', '/webhooks/twilio/sms'])('refuses %s without a signature', async (path) => {
      const response = await server.request.post(path).type('form').send(params());
      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/X-Twilio-Signature/);
    });

    it('refuses a request signed with another auth token', async () => {
      await postSigned(server, '/webhooks/twilio/voice', params(), 'anotherTokenAnotherToken00000000').expect(403);
    });

    it('refuses a signed request whose parameters were changed on the way', async () => {
      const signed = params();
      const signature = twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, `${server.url}/webhooks/twilio/voice/status`, signed);
      await server.request.post('/webhooks/twilio/voice/status').type('form').set('X-Twilio-Signature', signature)
        .send({ ...signed, CallStatus: 'completed', CallDuration: '9999' }).expect(403);
      await server.as(admin).get(`/api/v1/phone/calls/${signed.CallSid}`).expect(404);
    });

    it('answers a signed request with bad fields with 400, not 500', async () => {
      const response = await postSigned(server, '/webhooks/twilio/voice/status', { CallSid: 'not-a-sid', CallStatus: 'completed' });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/CallSid/);
    });
  });

  it('greets in Danish with an English choice, then reads the topic menu in the chosen language', async () => {
    const callSid = newCallSid();
    const greeting = await postSigned(server, '/webhooks/twilio/voice', { CallSid: callSid, From: danishMobile(), To: TWILIO_NUMBER, CallStatus: 'ringing' }).expect(200);
    expect(greeting.headers['content-type']).toMatch(/text\/xml/);
    const response = parseTwiml(greeting.text);
    expect(response.Gather).toMatchObject({ numDigits: '1', action: `${server.url}/webhooks/twilio/voice/language` });
    expect(saidIn(response.Gather).map((s) => s.language)).toEqual(['da-DK', 'en-GB']);

    const menu = parseTwiml((await postSigned(server, pathOf(response.Gather.action), { CallSid: callSid, Digits: '2' }).expect(200)).text);
    expect(menu.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/topic?lang=en`);
    const said = saidIn(menu.Gather);
    expect(said.every((s) => s.language === 'en-GB')).toBe(true);
    expect(said.map((s) => s.text)).toEqual(expect.arrayContaining(['For Waste and recycling, press 1.', 'For Pensions and benefits, press 2.', 'For Children and school, press 3.']));
  });

  it('puts the call through to an available agent with phone capacity; the call is a contact with duration, outcome and cost on the agent\'s case', async () => {
    const agent = await server.createStaff('agent', { languages: ['da'], skills: [{ topic: 'affald', level: 3 }] });
    await server.as(admin).put(`/api/v1/phone/endpoints/${agent.id}`).send({ endpoint: '+4520304050' }).expect(200);
    await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'available' }).expect(200);
    const callSid = newCallSid();
    const caller = danishMobile();

    const twiml = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/topic?lang=da', { CallSid: callSid, From: caller, Digits: '1' }).expect(200)).text);
    expect(saidIn(twiml)[0]).toEqual({ text: 'Vi stiller dig om til en medarbejder.', language: 'da-DK' });
    expect(twiml.Dial).toMatchObject({ action: `${server.url}/webhooks/twilio/voice/dialled?lang=da&topic=affald`, Number: ['+4520304050'] });

    const { detail } = await contactOfCall(callSid);
    expect(detail).toMatchObject({ channel: 'phone', status: 'assigned', assignee: { id: agent.id }, topic: 'affald' });
    expect(detail.citizen.phones).toEqual([caller]);

    expect(parseTwiml((await postSigned(server, pathOf(twiml.Dial.action), { CallSid: callSid, From: caller, DialCallStatus: 'completed', DialCallDuration: '230' }).expect(200)).text)).toEqual({});
    twilioApi.priceCall(callSid, '-0.0130', 245);
    const status = { CallSid: callSid, From: caller, CallStatus: 'completed', CallDuration: '245' };
    await postSigned(server, '/webhooks/twilio/voice/status', status).expect(200);
    const priced = await eventually(async () => {
      const { contact } = await contactOfCall(callSid);
      return contact.costMinor === null ? undefined : contact;
    }, 'the call to be priced');
    // 0.0130 USD at 690 øre per dollar = 8.97 øre, rounded to 9
    expect(priced).toMatchObject({ channel: 'phone', direction: 'inbound', durationSeconds: 245, outcome: 'completed', costMinor: 9 });

    await postSigned(server, '/webhooks/twilio/voice/status', status).expect(200);
    const again = await contactOfCall(callSid);
    expect(again.detail.contacts.filter((c: { channel: string }) => c.channel === 'phone')).toHaveLength(1);
  });

  it('offers a call-back when nobody can take the call; the caller\'s number and topic become a case with a due time', async () => {
    const callSid = newCallSid();
    const caller = danishMobile();
    const busy = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/topic?lang=en', { CallSid: callSid, From: caller, Digits: '2' }).expect(200)).text);
    expect(saidIn(busy)[0]).toEqual({ text: 'All our staff are busy.', language: 'en-GB' });
    expect(busy.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/choice?lang=en&topic=ydelser`);
    expect(saidIn(busy.Gather)[0].text).toBe('Press 1 to be called back. Press 2 to leave a message.');

    const before = Date.now();
    const params = { CallSid: callSid, From: caller, Digits: '1' };
    const promised = parseTwiml((await postSigned(server, pathOf(busy.Gather.action), params).expect(200)).text);
    expect(saidIn(promised)[0].text).toMatch(/^Thank you\. We will call you back by .+\. Goodbye\.$/);
    expect(promised).toHaveProperty('Hangup');
    await postSigned(server, pathOf(busy.Gather.action), params).expect(200);

    const { record, contact, detail } = await contactOfCall(callSid);
    expect(detail).toMatchObject({ channel: 'phone', status: 'queued', topic: 'ydelser' });
    expect(contact).toMatchObject({ outcome: 'callback-requested' });
    expect(contact.text.split(`Asks to be called back on ${caller}`)).toHaveLength(2); // Twilio's retry of /choice noted nothing more
    const callbacks = (await server.as(admin).get('/api/v1/phone/callbacks').expect(200)).body.filter((c: { caseId: string }) => c.caseId === record.caseId);
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ phone: caller, reference: detail.reference });
    // the queue has no opening hours set: open around the clock, a call-back within two hours
    expect(new Date(callbacks[0].dueAt).getTime() - before).toBeGreaterThan(119 * 60_000);
    expect(new Date(callbacks[0].dueAt).getTime() - before).toBeLessThan(121 * 60_000);

    const agent = await server.createStaff('agent');
    await server.as(agent.token).post('/api/v1/staff-contacts')
      .send({ channel: 'phone', direction: 'outbound', caseId: record.caseId, summary: 'Ringede tilbage om pensionen.', durationSeconds: 300, outcome: 'completed' }).expect(201);
    const open = (await server.as(admin).get('/api/v1/phone/callbacks').expect(200)).body;
    expect(open.filter((c: { caseId: string }) => c.caseId === record.caseId)).toEqual([]);
  });

  it('takes a voicemail: its recording URL and transcript become the contact, once however often Twilio retries', async () => {
    const callSid = newCallSid();
    const recordingSid = newRecordingSid();
    const caller = danishMobile();
    const record = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/choice?lang=da&topic=ydelser', { CallSid: callSid, From: caller, Digits: '2' }).expect(200)).text);
    expect(saidIn(record)[0]).toEqual({ text: 'Indtal din besked efter tonen, og læg på, når du er færdig.', language: 'da-DK' });
    expect(record.Record).toMatchObject({
      action: `${server.url}/webhooks/twilio/voice/recorded?lang=da&topic=ydelser`, transcribe: 'true', transcribeCallback: `${server.url}/webhooks/twilio/voice/transcription`,
    });

    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Recordings/${recordingSid}`;
    const recorded = { CallSid: callSid, From: caller, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingDuration: '31' };
    const thanks = parseTwiml((await postSigned(server, pathOf(record.Record.action), recorded).expect(200)).text);
    expect(saidIn(thanks)[0].text).toBe('Tak for din besked. Farvel.');
    await postSigned(server, pathOf(record.Record.action), recorded).expect(200);
    const transcription = { CallSid: callSid, RecordingSid: recordingSid, TranscriptionStatus: 'completed', TranscriptionText: 'Jeg mangler min boligstøtte for marts.' };
    await postSigned(server, '/webhooks/twilio/voice/transcription', transcription).expect(200);
    await postSigned(server, '/webhooks/twilio/voice/transcription', transcription).expect(200);

    const { contact, record: call } = await contactOfCall(callSid);
    expect(call).toMatchObject({ recordingUrl, transcript: 'Jeg mangler min boligstøtte for marts.' });
    expect(contact).toMatchObject({ channel: 'phone', outcome: 'voicemail' });
    expect(contact.text.split(recordingUrl)).toHaveLength(3); // once in Danish, once in English: recorded once
    expect(contact.text.split('Jeg mangler min boligstøtte for marts.')).toHaveLength(2);
  });

  it('reads the opening hours when the queue is closed, and offers a call-back or a voicemail', async () => {
    await server.as(admin).put('/api/v1/routing/queues/boern-og-unge').send({ businessHours: { 7: [['00:00', '00:01']] } }).expect(200);
    const twiml = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/topic?lang=da', { CallSid: newCallSid(), From: danishMobile(), Digits: '3' }).expect(200)).text);
    expect(saidIn(twiml)[0].text).toMatch(/^Vi har lukket nu\. Vores åbningstid er søndag 00:00 til 00:01\. Vi åbner igen søndag \d+\. \w+ kl\. 00[.:]00\.$/);
    expect(twiml.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/choice?lang=da&topic=boern-og-skole`);
  });

  it('records a call that ended in the menu as a contact with its status', async () => {
    const callSid = newCallSid();
    await postSigned(server, '/webhooks/twilio/voice/status', { CallSid: callSid, From: danishMobile(), CallStatus: 'completed', CallDuration: '12' }).expect(200);
    const { contact } = await contactOfCall(callSid);
    expect(contact).toMatchObject({ channel: 'phone', outcome: 'ended-in-menu', durationSeconds: 12 });
  });

  it('puts an unanswered call back in the queue and offers the caller a call-back or a voicemail', async () => {
    const agent = await server.createStaff('agent', { languages: ['en'] });
    await server.as(admin).put(`/api/v1/phone/endpoints/${agent.id}`).send({ endpoint: 'client:agent-two' }).expect(200);
    await server.as(agent.token).put('/api/v1/me/presence').send({ status: 'available' }).expect(200);
    const callSid = newCallSid();
    const caller = danishMobile();
    const twiml = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/topic?lang=en', { CallSid: callSid, From: caller, Digits: '2' }).expect(200)).text);
    expect(twiml.Dial.Client).toEqual(['agent-two']);
    expect((await contactOfCall(callSid)).detail).toMatchObject({ status: 'assigned', assignee: { id: agent.id } });

    const dialled = { CallSid: callSid, From: caller, DialCallStatus: 'no-answer' };
    const unanswered = parseTwiml((await postSigned(server, pathOf(twiml.Dial.action), dialled).expect(200)).text);
    await postSigned(server, pathOf(twiml.Dial.action), dialled).expect(200);
    expect(saidIn(unanswered)[0].text).toBe('The member of staff could not answer.');
    expect(unanswered.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/choice?lang=en&topic=ydelser`);
    const { detail, contact } = await contactOfCall(callSid);
    expect(detail).toMatchObject({ status: 'queued', assignee: null });
    expect(contact.outcome).toBe('no-answer');
    expect(contact.text.split('The member of staff did not answer')).toHaveLength(2); // once, however often Twilio retries /dialled
  });

  it('keeps admin settings valid and the auth token out of every answer', async () => {
    const account = (await server.as(admin).get('/api/v1/phone/account').expect(200)).body;
    expect(account).toEqual({ configured: true, accountSid: TWILIO_ACCOUNT_SID, phoneNumber: TWILIO_NUMBER, seededFromEnv: true, updatedAt: expect.any(String) });
    const replace = await server.as(admin).put('/api/v1/phone/account').send({ accountSid: TWILIO_ACCOUNT_SID, authToken: 'x'.repeat(32) });
    expect(replace.status).toBe(409);
    expect(replace.body.message).toMatch(/TWILIO_ACCOUNT_SID/);
    const badEndpoint = await server.as(admin).put(`/api/v1/phone/endpoints/${(await server.createStaff('agent')).id}`).send({ endpoint: '2020 2020' });
    expect(badEndpoint.status).toBe(400);
    expect(badEndpoint.body.message).toMatch(/endpoint must be an E.164 number/);
    const badMenu = await server.as(admin).put('/api/v1/phone/ivr-menu').send({ items: [{ digit: 1, topic: 'affald' }, { digit: 2, topic: 'findes-ikke' }] });
    expect(badMenu.status).toBe(422);
    expect(badMenu.body.message).toBe('topic findes-ikke does not exist');
    expect((await server.as(admin).get('/api/v1/phone/ivr-menu').expect(200)).body.map((m: { topic: string }) => m.topic)).toEqual(['affald', 'ydelser', 'boern-og-skole']);
    const agent = await server.createStaff('agent');
    await server.as(agent.token).put('/api/v1/phone/ivr-menu').send({ items: [] }).expect(403);
  });
  describe('numbers', () => {
    const numbers = () => server.as(admin);

    it('lists the municipality\'s numbers, normalised to E.164, and refuses duplicates, bad fields and non-admins', async () => {
      const created = await numbers().post('/api/v1/phone/numbers').send({ number: '70 20 30 50', label: 'Teknik og miljø, direkte', queue: 'teknik-og-miljoe', kinds: ['voice'] }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(String), number: '+4570203050', label: 'Teknik og miljø, direkte', queue: 'teknik-og-miljoe', kinds: ['voice'],
        createdAt: expect.any(String), updatedAt: expect.any(String),
      });
      const duplicate = await numbers().post('/api/v1/phone/numbers').send({ number: '+4570203050', label: 'Igen', kinds: ['sms'] });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.message).toBe('+4570203050 is already listed');

      const refused: [Record<string, unknown>, number, RegExp][] = [
        [{ number: '+4570203051', label: 'X', kinds: [] }, 400, /kinds must name voice, sms or both/],
        [{ number: '+4570203051', label: 'X', kinds: ['fax'] }, 400, /kinds must be a list of voice and\/or sms/],
        [{ number: '+4570203051', label: 'X', kinds: 'sms' }, 400, /^"kinds must be a list of voice and\/or sms"$/],
        [{ number: '+4570203051', label: 'X', kinds: ['sms', 'sms'] }, 400, /kinds must not repeat/],
        [{ number: 4570203051, label: 12, kinds: ['sms'] }, 400, /^"number must be a phone number such as \+4570123456; label must be text"$/],
        [{ number: '+4570203051', label: '  ', kinds: ['sms'] }, 400, /label must not be empty/],
        [{ number: '+4570203051', label: 'X', kinds: ['sms'], secret: true }, 400, /secret is not a field this endpoint accepts/],
        [{ number: '12', label: 'X', kinds: ['sms'] }, 422, /number 12 is not a valid phone number/],
        [{ number: '+4570203051', label: 'X', kinds: ['sms'], queue: 'findes-ikke' }, 422, /queue findes-ikke does not exist/],
        [{ number: '+4570203051', label: 'X', kinds: ['sms'], queue: 'Teknik' }, 400, /queue must be a queue slug/],
      ];
      for (const [body, status, message] of refused) {
        const response = await numbers().post('/api/v1/phone/numbers').send(body);
        expect([response.status, JSON.stringify(response.body.message)]).toEqual([status, expect.stringMatching(message)]);
      }

      const changed = await numbers().put(`/api/v1/phone/numbers/${created.body.id}`).send({ number: '+4570203050', label: 'Teknik', queue: null, kinds: ['sms', 'voice'] }).expect(200);
      expect(changed.body).toMatchObject({ label: 'Teknik', queue: null, kinds: ['voice', 'sms'] });
      await numbers().put('/api/v1/phone/numbers/00000000-0000-4000-8000-000000000000').send({ number: '+4570203059', label: 'X', kinds: ['sms'] }).expect(404);
      await numbers().put('/api/v1/phone/numbers/nope').send({ number: '+4570203059', label: 'X', kinds: ['sms'] }).expect(400);
      const agent = await server.createStaff('agent');
      await server.as(agent.token).post('/api/v1/phone/numbers').send({ number: '+4570203059', label: 'X', kinds: ['sms'] }).expect(403);

      expect((await numbers().get('/api/v1/phone/numbers').expect(200)).body.map((n: { number: string }) => n.number)).toContain('+4570203050');
      await numbers().delete(`/api/v1/phone/numbers/${created.body.id}`).expect(204);
      await numbers().delete(`/api/v1/phone/numbers/${created.body.id}`).expect(404);
      expect((await numbers().get('/api/v1/phone/numbers').expect(200)).body.map((n: { number: string }) => n.number)).not.toContain('+4570203050');
    });

    it('takes a call to a queue\'s direct line past the topic menu into that queue, with its opening hours and call-back', async () => {
      const line = '+4570203060';
      await numbers().post('/api/v1/phone/numbers').send({ number: line, label: 'Teknik og miljø', queue: 'teknik-og-miljoe', kinds: ['voice', 'sms'] }).expect(201);
      await numbers().put('/api/v1/routing/queues/teknik-og-miljoe').send({ businessHours: { 7: [['00:00', '00:01']] } }).expect(200);
      try {
        const callSid = newCallSid();
        const caller = danishMobile();
        const greeting = parseTwiml((await postSigned(server, '/webhooks/twilio/voice', { CallSid: callSid, From: caller, To: line, CallStatus: 'ringing' }).expect(200)).text);
        expect(greeting.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/language`);

        const twiml = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/language', { CallSid: callSid, From: caller, To: line, Digits: '2' }).expect(200)).text);
        expect(saidIn(twiml)[0].text).toMatch(/^We are closed now\. Our opening hours are Sunday 00:00 to 00:01\./);
        expect(saidIn(twiml.Gather).map((s) => s.text)).toEqual(['Press 1 to be called back. Press 2 to leave a message.']);
        expect(twiml.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/choice?lang=en&topic=affald`);

        await postSigned(server, pathOf(twiml.Gather.action), { CallSid: callSid, From: caller, To: line, Digits: '1' }).expect(200);
        const { detail } = await contactOfCall(callSid);
        expect(detail).toMatchObject({ channel: 'phone', queue: 'teknik-og-miljoe', topic: 'affald', language: 'en' });
        expect((await server.as(admin).get('/api/v1/phone/callbacks').query({ caseId: detail.id }).expect(200)).body).toHaveLength(1);
      } finally {
        await numbers().put('/api/v1/routing/queues/teknik-og-miljoe').send({ businessHours: null }).expect(200);
      }
    });

    it('reads the topic menu on a listed number without a queue, and on a direct line listed for texts only', async () => {
      await numbers().post('/api/v1/phone/numbers').send({ number: '+4570203070', label: 'Hovednummer', kinds: ['voice', 'sms'] }).expect(201);
      await numbers().post('/api/v1/phone/numbers').send({ number: '+4570203071', label: 'Teknik sms', queue: 'teknik-og-miljoe', kinds: ['sms'] }).expect(201);
      for (const to of ['+4570203070', '+4570203071', TWILIO_NUMBER]) {
        const menu = parseTwiml((await postSigned(server, '/webhooks/twilio/voice/language', { CallSid: newCallSid(), From: danishMobile(), To: to, Digits: '1' }).expect(200)).text);
        expect(menu.Gather.action).toBe(`${server.url}/webhooks/twilio/voice/topic?lang=da`);
        expect(saidIn(menu.Gather)[0].text).toBe('Hvad drejer dit opkald sig om?');
      }
    });
  });
});
