import { TwilioApiStandIn } from './support/twilio-api-stand-in';
import { danishMobile, newMessageSid, parseTwiml, postSigned, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_NUMBER } from './support/twilio-webhooks';
import { startServer, TestServer } from './support/test-server';

jest.setTimeout(90_000);

describe('the SMS channel (Twilio)', () => {
  let twilioApi: TwilioApiStandIn;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    twilioApi = new TwilioApiStandIn(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
    await twilioApi.start();
    server = await startServer({
      env: {
        TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER: TWILIO_NUMBER, TWILIO_API_BASE_URL: twilioApi.url, SMS_SEGMENT_COST_ORE: '50',
        SECRET_KEY: 'ef'.repeat(32), OUTBOX_RETRY_BASE_MS: '100',
      },
    });
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
    await twilioApi?.stop();
  });

  const text = (from: string, body: string, extra: Record<string, string> = {}) =>
    postSigned(server, '/webhooks/twilio/sms', { MessageSid: newMessageSid(), AccountSid: TWILIO_ACCOUNT_SID, From: from, To: TWILIO_NUMBER, Body: body, NumSegments: '1', ...extra });
  const detail = async (id: string) => (await server.as(admin).get(`/api/v1/cases/${id}`).expect(200)).body;
  const caseOfPhone = async (phone: string) => {
    const items = (await server.as(admin).get('/api/v1/cases').query({ channel: 'sms', limit: 100 }).expect(200)).body.items as { id: string }[];
    for (const item of items) {
      const found = await detail(item.id);
      if (found.citizen.phones.includes(phone)) return found;
    }
    throw new Error(`No SMS case for ${phone}`);
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

  it('turns a text into a contact with its segments\' cost, threads the next text from that number into the same case, and ignores Twilio\'s retries', async () => {
    const citizen = danishMobile();
    const first = { MessageSid: newMessageSid(), From: citizen.replace('+45', ''), To: TWILIO_NUMBER, Body: 'Hej, hvornår tømmes min affaldsspand?', NumSegments: '1' };
    const answered = await postSigned(server, '/webhooks/twilio/sms', first).expect(200);
    expect(answered.headers['content-type']).toMatch(/text\/xml/);
    expect(parseTwiml(answered.text)).toEqual({});
    await postSigned(server, '/webhooks/twilio/sms', first).expect(200);
    await text(citizen, 'Det er den grønne spand.', { NumSegments: '2' }).expect(200);

    const opened = await caseOfPhone(citizen);
    expect(opened).toMatchObject({ channel: 'sms', topic: 'affald' });
    expect(opened.contacts.map((c: { channel: string; direction: string; text: string; costMinor: number }) => [c.channel, c.direction, c.text, c.costMinor])).toEqual([
      ['sms', 'inbound', 'Hej, hvornår tømmes min affaldsspand?', 50],
      ['sms', 'inbound', 'Det er den grønne spand.', 100],
    ]);
  });

  it('sends a staff reply by SMS through the outbox with the Twilio REST client, and records its segments and cost', async () => {
    const citizen = danishMobile();
    await text(citizen, 'Jeg har mistet mit sundhedskort.').expect(200);
    const opened = await caseOfPhone(citizen);
    const agent = await server.createStaff('agent');
    const reply = 'Du kan bestille et nyt sundhedskort på borger.dk. '.repeat(4).trim();
    const answer = await server.as(agent.token).post(`/api/v1/cases/${opened.id}/replies`).send({ body: reply }).expect(201);

    const sent = await twilioApi.waitForSms((sms) => sms.to === citizen);
    expect(sent).toMatchObject({ from: TWILIO_NUMBER, body: reply });
    const delivered = await eventually(async () => {
      const found = await detail(opened.id);
      return found.deliveries.find((d: { status: string }) => d.status === 'sent') && found;
    }, 'the SMS delivery to be marked sent');
    const outbound = delivered.contacts.find((c: { id: string }) => c.id === answer.body.id);
    // 199 GSM-7 characters: two segments of 153
    expect(outbound).toMatchObject({ channel: 'sms', direction: 'outbound', text: reply, costMinor: 100, delivery: expect.objectContaining({ status: 'sent', recipient: citizen }) });
    const texts = (await server.as(agent.token).get(`/api/v1/sms/cases/${opened.id}/messages`).expect(200)).body;
    expect(texts).toEqual([
      expect.objectContaining({ direction: 'inbound', segments: 1, costMinor: 50, messageSid: expect.stringMatching(/^SM[0-9a-f]{32}$/) }),
      expect.objectContaining({ contactId: answer.body.id, direction: 'outbound', segments: 2, costMinor: 100, messageSid: sent.sid }),
    ]);
  });

  it('honours STOP: confirms by text, refuses replies by SMS until START', async () => {
    const citizen = danishMobile();
    await text(citizen, 'Hvornår er der åbent på rådhuset?').expect(200);
    const opened = await caseOfPhone(citizen);

    const stop = parseTwiml((await text(citizen, ' stop ').expect(200)).text);
    expect(stop.Message[0]).toMatch(/^Du modtager ikke flere sms'er fra kommunen.* \/ You will get no more texts from us/);
    const refused = await server.as(admin).post(`/api/v1/cases/${opened.id}/replies`).send({ body: 'Vi har åbent 10-17.' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/opted out of text messages/);
    expect((await detail(opened.id)).contacts).toHaveLength(1);

    const start = parseTwiml((await text(citizen, 'START').expect(200)).text);
    expect(start.Message[0]).toMatch(/You can receive texts from us again/);
    await server.as(admin).post(`/api/v1/cases/${opened.id}/replies`).send({ body: 'Vi har åbent 10-17.' }).expect(201);
    await twilioApi.waitForSms((sms) => sms.to === citizen);
  });

  it('shows Twilio\'s refusal of a number as a failed delivery on the case, without retrying', async () => {
    const citizen = danishMobile();
    twilioApi.invalidNumbers.add(citizen);
    await text(citizen, 'Min adresse er ændret.').expect(200);
    const opened = await caseOfPhone(citizen);
    await server.as(admin).post(`/api/v1/cases/${opened.id}/replies`).send({ body: 'Tak, vi retter den.' }).expect(201);
    const failed = await eventually(async () => (await detail(opened.id)).deliveries.find((d: { status: string }) => d.status === 'failed'), 'the delivery to fail');
    expect(failed).toMatchObject({ channel: 'sms', attempts: 1, error: expect.stringMatching(/Twilio refused the message: .*not a valid phone number.*21211/) });
  });

  it('refuses a forged text and a text without a sender', async () => {
    const forged = await postSigned(server, '/webhooks/twilio/sms', { MessageSid: newMessageSid(), From: danishMobile(), Body: 'Hej' }, 'forgedTokenForgedTokenForged0000');
    expect(forged.status).toBe(403);
    const noSender = await postSigned(server, '/webhooks/twilio/sms', { MessageSid: newMessageSid(), Body: 'Hej' });
    expect(noSender.status).toBe(400);
    expect(noSender.body.message).toBe('From is missing or is not a phone number');
  });
  it('opens a text to a queue\'s direct line as a case in that queue, and sends the reply from that line (from the main number once the line is gone)', async () => {
    const line = '+4570203080';
    const listed = await server.as(admin).post('/api/v1/phone/numbers').send({ number: line, label: 'Teknik og miljø', queue: 'teknik-og-miljoe', kinds: ['sms'] }).expect(201);
    const citizen = danishMobile();
    await text(citizen, 'Jeg har mistet mit sundhedskort.').expect(200);
    // "ejendomsskat" is a keyword of a Borgerservice topic; on Teknik og miljø's line the text stays in that queue
    await postSigned(server, '/webhooks/twilio/sms', { MessageSid: newMessageSid(), AccountSid: TWILIO_ACCOUNT_SID, From: citizen, To: line, Body: 'Hvornår skal ejendomsskatten betales?', NumSegments: '1' }).expect(200);

    const items = (await server.as(admin).get('/api/v1/cases').query({ channel: 'sms', limit: 100 }).expect(200)).body.items as { id: string }[];
    const cases = [];
    for (const item of items) {
      const found = await detail(item.id);
      if (found.citizen.phones.includes(citizen)) cases.push(found);
    }
    expect(cases.map((c) => [c.queue, c.topic, c.contacts.length]).sort()).toEqual([['borgerservice', 'pas-og-koerekort', 1], ['teknik-og-miljoe', 'affald', 1]]);
    const direct = cases.find((c) => c.queue === 'teknik-og-miljoe');
    const main = cases.find((c) => c.queue === 'borgerservice');

    const agent = await server.createStaff('agent');
    const answer = await server.as(agent.token).post(`/api/v1/cases/${direct.id}/replies`).send({ body: 'Ejendomsskatten betales i marts og september.' }).expect(201);
    expect(await twilioApi.waitForSms((sms) => sms.to === citizen && sms.body.startsWith('Ejendomsskatten'))).toMatchObject({ from: line });
    await server.as(agent.token).post(`/api/v1/cases/${main.id}/replies`).send({ body: 'Bestil et nyt på borger.dk.' }).expect(201);
    expect(await twilioApi.waitForSms((sms) => sms.to === citizen && sms.body.startsWith('Bestil'))).toMatchObject({ from: TWILIO_NUMBER });
    const texts = await eventually(async () => {
      const found = (await server.as(agent.token).get(`/api/v1/sms/cases/${direct.id}/messages`).expect(200)).body;
      return found.every((m: { messageSid: string | null }) => m.messageSid) ? found : undefined;
    }, 'the reply to be sent');
    expect(texts.map((m: { direction: string; twilioNumber: string }) => [m.direction, m.twilioNumber])).toEqual([['inbound', line], ['outbound', line]]);
    expect(texts[1].contactId).toBe(answer.body.id);

    await server.as(admin).delete(`/api/v1/phone/numbers/${listed.body.id}`).expect(204);
    await server.as(agent.token).post(`/api/v1/cases/${direct.id}/replies`).send({ body: 'Husk at betale til tiden.' }).expect(201);
    expect(await twilioApi.waitForSms((sms) => sms.to === citizen && sms.body.startsWith('Husk'))).toMatchObject({ from: TWILIO_NUMBER });
  });
});
