import { expectApiError, listAllCases } from './support/api-expectations';
import { submitCase } from './support/factories';
import { blankPng, hugePagePdf, imageOnlyPdf, letterPng, letterScan, manyPagesPdf, textPdf, toolsInstalled, typedThenScannedPdf } from './support/letter-documents';
import { postLetters, registerLetters, scanSettled } from './support/letter-registration';
import { connectInbox, InboxClient, OfferEvent } from './support/inbox-agent';
import { requireOrSkip } from './support/require-or-skip';
import { startServer, TestServer } from './support/test-server';

const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const MAX_PAGES = 10;

const suite = requireOrSkip(toolsInstalled('pdftotext', 'pdftoppm', 'pdfinfo', 'pdfimages', 'pdfunite', 'tesseract'), 'poppler-utils and tesseract-ocr (with tesseract-ocr-dan) must be installed');

suite('the mailroom registers scanned letters', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer({ env: { POST_MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), POST_MAX_PAGES: String(MAX_PAGES), POST_SENDER_ADDRESS: 'Borgerservice | Adelgade 44 | 8660 Skanderborg' } });
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  const detail = async (caseId: string) => {
    const response = await server.as(admin).get(`/api/v1/cases/${caseId}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const contactText = async (caseId: string, contactId: string): Promise<string> =>
    (await detail(caseId)).contacts.find((c: { id: string }) => c.id === contactId).text;

  describe('letters with text in the PDF', () => {
    it('records the PDF text on a post contact at once, finds the sender by the address the letter shows, and classifies by the text', async () => {
      const pdf = await textPdf(['Ole Sørensen', 'Vestergade 7', '8660 Skanderborg', '', 'Skanderborg Kommune', 'Adelgade 44', '8660 Skanderborg', '', 'Vores storskrald blev ikke hentet i denne uge.']);

      const [letter] = await registerLetters(server, admin, [{ filename: 'brev-ole.pdf', content: pdf }], { receivedAt: '2026-11-30' });

      expect(letter).toMatchObject({ filename: 'brev-ole.pdf', newCase: true, duplicate: false, pages: 1, text: 'done' });
      const body = await detail(letter.caseId);
      expect(body).toMatchObject({ channel: 'post', topic: 'affald', subject: 'Vores storskrald blev ikke hentet i denne uge.' });
      expect(body.citizen).toMatchObject({ name: 'Ole Sørensen', addresses: ['vestergade 7, 8660 skanderborg'] });
      const contact = body.contacts[0];
      expect(contact).toMatchObject({ channel: 'post', direction: 'inbound', occurredAt: '2026-11-30T00:00:00.000Z' });
      expect(contact.text.replace(/\s+/g, ' ')).toContain('Vores storskrald blev ikke hentet i denne uge.');
      expect(contact.attachments).toEqual([expect.objectContaining({ filename: 'brev-ole.pdf', contentType: 'application/pdf' })]);
      const scan = await server.as(admin).get(`/api/v1/post/scans/${letter.contactId}`);
      expect(scan.body).toMatchObject({ status: 'done', method: 'embedded', pages: 1, reference: letter.reference });
    });

    it('threads a letter that quotes a case reference into that case', async () => {
      const earlier = await submitCase(server, { message: 'Hvornår kommer skraldebilen?' });

      const [letter] = await registerLetters(server, admin, [{ filename: 'svar.pdf', content: await textPdf([`Angående sag ${earlier.reference}`, 'Jeg sender hermed de papirer, I bad om.']) }], { senderName: 'Karen Hansen' });

      expect(letter).toMatchObject({ caseId: earlier.id, reference: earlier.reference, newCase: false });
      expect((await detail(earlier.id)).contacts.map((c: { channel: string }) => c.channel)).toEqual(['webform', 'post']);
    });

    it('finds the citizen again by a known address however the clerk writes it', async () => {
      const [first] = await registerLetters(server, admin, [{ filename: 'a.pdf', content: await textPdf(['Jeg har et spørgsmål om min ejendomsskat for i år.']) }], {
        senderName: 'Per Madsen', senderAddress: 'Skolegade 3, 1. th.\n8660 Skanderborg',
      });
      const [second] = await registerLetters(server, admin, [{ filename: 'b.pdf', content: await textPdf(['Endnu et spørgsmål om min grundskyld, tak for svar.']) }], {
        senderAddress: 'skolegade  nr. 3,  1. th., DK-8660 Skanderborg, Danmark',
      });

      const [a, b] = await Promise.all([detail(first.caseId), detail(second.caseId)]);
      expect(b.citizen.id).toBe(a.citizen.id);
      expect(a.citizen).toMatchObject({ name: 'Per Madsen', addresses: ['skolegade 3, 1. th., 8660 skanderborg'] });
    });

    it('registers the same file twice as one letter', async () => {
      const pdf = await textPdf(['Et brev om parkering, der blev scannet to gange.']);
      const [once] = await registerLetters(server, admin, [{ filename: 'p.pdf', content: pdf }], { senderName: 'Lis Holm' });
      const [twice] = await registerLetters(server, admin, [{ filename: 'p-igen.pdf', content: pdf }], { senderName: 'Lis Holm' });
      expect(twice).toMatchObject({ contactId: once.contactId, duplicate: true });
    });
  });

  describe('scans read by OCR after intake', () => {
    const lines = ['Kære kommune', 'Vores affaldsspand er ikke tømt', 'i tre uger. Storskrald ligger', 'stadig på fortovet.', 'Venlig hilsen Birthe'];

    it('reads an image-only PDF and a PNG with Tesseract, updates the text, makes it searchable and classifies the waiting case again', async () => {
      const letters = await registerLetters(server, admin, [
        { filename: 'scan.pdf', content: await imageOnlyPdf(lines) },
        { filename: 'scan.png', content: await letterPng(lines) },
      ], { senderName: 'Birthe Nielsen' });

      expect(letters.map((l) => l.text)).toEqual(['pending', 'pending']);
      for (const letter of letters) {
        expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr' });
        const text = (await contactText(letter.caseId, letter.contactId)).toLowerCase();
        for (const word of ['affaldsspand', 'tømt', 'storskrald', 'fortovet']) expect(text).toContain(word);
        const body = await detail(letter.caseId);
        expect(body.topic).toBe('affald');
        // named after the first sentence after the salutation, not the salutation
        expect(body.subject.toLowerCase()).toMatch(/^vores affaldsspand er ikke t.mt i tre uger\.$/);
        expect(body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['letter_read', 'reclassified']));
      }
      const found = await listAllCases(server, admin, { text: 'affaldsspand' });
      expect(found.map((c) => c.id)).toEqual(expect.arrayContaining(letters.map((l) => l.caseId)));
    });

    it('reads a typed letter with a scanned page: the typed text at once, the scanned page by OCR, both in one text', async () => {
      const pdf = await typedThenScannedPdf(['Kære kommune', 'Jeg sender kopi af regningen for vandet.'], ['Vandregning', 'Forbrug tre kubikmeter', 'Beløb til betaling']);
      const [letter] = await registerLetters(server, admin, [{ filename: 'blandet.pdf', content: pdf }], { senderName: 'Jens Holm' });

      expect(letter).toMatchObject({ pages: 2, text: 'pending' });
      expect((await contactText(letter.caseId, letter.contactId)).replace(/\s+/g, ' ')).toContain('Jeg sender kopi af regningen for vandet.');
      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr' });
      const text = (await contactText(letter.caseId, letter.contactId)).replace(/\s+/g, ' ').toLowerCase();
      expect(text).toContain('jeg sender kopi af regningen for vandet.');
      for (const word of ['vandregning', 'kubikmeter', 'betaling']) expect(text).toContain(word);
    });

    it('reads JPEG and TIFF scans too', async () => {
      const letters = await registerLetters(server, admin, [
        { filename: 'scan.jpg', content: await letterScan(['Hej kommune', 'Skolebussen kom ikke i dag.'], 'jpeg', 200) },
        { filename: 'scan.tif', content: await letterScan(['Hej kommune', 'Vuggestuen har lukket i morgen.'], 'tiff', 200) },
      ], { senderName: 'Mette Lund' });

      const [jpeg, tiff] = await Promise.all(letters.map(async (letter) => {
        expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr' });
        return (await contactText(letter.caseId, letter.contactId)).toLowerCase();
      }));
      expect(jpeg).toContain('skolebussen');
      expect(tiff).toContain('vuggestuen');
      const scan = await server.as(admin).get(`/api/v1/post/scans/${letters[1].contactId}`);
      expect(scan.body).toMatchObject({ contentType: 'image/tiff', pages: 1 });
    });

    it('moves a scan quoting a case reference into that case once OCR reads it, reopening it, and closes the case the scan opened', async () => {
      const earlier = await submitCase(server, { message: 'Jeg har søgt om boligstøtte.' });
      expect((await server.as(admin).patch(`/api/v1/cases/${earlier.id}`).send({ status: 'resolved' })).status).toBe(200);
      const [letter] = await registerLetters(server, admin, [{ filename: 'svar.png', content: await letterPng(['Ole Hansen', 'Bakkevej 12', '8660 Skanderborg', '', `Sag ${earlier.reference}`, 'Jeg venter stadig på svar om min boligstøtte.'], 300) }]);
      expect(letter).toMatchObject({ newCase: true, text: 'pending' });

      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr', reference: earlier.reference });
      const referenced = await detail(earlier.id);
      expect(referenced.status).toBe('queued');
      expect(referenced.contacts.map((c: { id: string; channel: string }) => [c.channel, c.id])).toEqual([['webform', expect.any(String)], ['post', letter.contactId]]);
      expect(referenced.contacts[1].text.toLowerCase()).toContain('boligstøtte');
      expect(referenced.events).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'reopened', from: 'resolved', to: 'queued' }),
        expect.objectContaining({ type: 'contact_received', data: { contactId: letter.contactId, channel: 'post', movedFrom: { caseId: letter.caseId, reference: letter.reference } } }),
        // a sender first seen on this letter is the case's citizen quoting their own reference: the address the letter shows joins them
        expect.objectContaining({ type: 'letter_sender_joined_citizen', data: expect.objectContaining({ contactId: letter.contactId, citizenId: referenced.citizen.id }) }),
        expect.objectContaining({ type: 'citizen_address_read' }),
      ]));
      expect(referenced.citizen).toMatchObject({ name: 'Karen Hansen', addresses: ['bakkevej 12, 8660 skanderborg'] });

      const placeholder = await detail(letter.caseId);
      expect(placeholder).toMatchObject({ status: 'closed', contacts: [], citizen: expect.objectContaining({ id: referenced.citizen.id }) });
      expect(placeholder.events).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'letter_moved', data: { contactId: letter.contactId, caseId: earlier.id, reference: earlier.reference } }),
        expect.objectContaining({ type: 'status_changed', from: 'queued', to: 'closed', data: { reason: 'letter_moved' } }),
      ]));
      const waiting = await listAllCases(server, admin, { status: 'queued' });
      expect(waiting.map((c) => c.id)).not.toContain(letter.caseId);
    });

    it("moves a letter from a citizen known otherwise into the case it quotes but keeps the sender's own record, and flags it", async () => {
      const earlier = await submitCase(server, { message: 'Min nabos hæk er for høj.' });
      const [known] = await registerLetters(server, admin, [{ filename: 'tidligere.pdf', content: await textPdf(['Et tidligere brev om min indkørsel.']) }], {
        senderName: 'Aksel Vind', senderAddress: 'Åvej 5\n8660 Skanderborg',
      });
      const [letter] = await registerLetters(server, admin, [{ filename: 'blank.png', content: await blankPng(120) }], { senderAddress: 'Åvej 5, 8660 Skanderborg' });
      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'manual_reading' });

      await server.as(admin).put(`/api/v1/post/scans/${letter.contactId}/text`).send({ text: `Vedr. ${earlier.reference}: hækken er stadig for høj.` });
      const referenced = await detail(earlier.id);
      const moved = referenced.contacts.find((c: { id: string }) => c.id === letter.contactId);
      expect(moved.sender).toMatchObject({ address: 'Åvej 5\n8660 Skanderborg' });
      const sender = (await detail(known.caseId)).citizen;
      expect(referenced.events).toEqual(expect.arrayContaining([expect.objectContaining({
        type: 'letter_from_other_citizen', data: { contactId: letter.contactId, citizenId: sender.id, caseCitizenId: referenced.citizen.id },
      })]));
      expect(referenced.citizen.addresses).toEqual([]);
      expect(sender).toMatchObject({ name: 'Aksel Vind', addresses: ['åvej 5, 8660 skanderborg'] });
      expect((await detail(letter.caseId)).status).toBe('closed');
    });

    it('leaves a letter on its own case when staff already work on that case, and says why', async () => {
      const earlier = await submitCase(server, { message: 'Spørgsmål om parkeringslicens.' });
      // a blank scan waits for a person to read it, so the note lands before the text is known
      const [letter] = await registerLetters(server, admin, [{ filename: 'blank.png', content: await blankPng(100) }], { senderName: 'Lone Berg' });
      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'manual_reading' });
      expect((await server.as(admin).post(`/api/v1/cases/${letter.caseId}/notes`).send({ body: 'Ringet til borgeren om brevet.' })).status).toBe(201);

      const typed = await server.as(admin).put(`/api/v1/post/scans/${letter.contactId}/text`).send({ text: `Vedr. sag ${earlier.reference}: jeg har nu betalt for licensen.` });
      expect(typed.status).toBe(200);
      const own = await detail(letter.caseId);
      expect(own).toMatchObject({ status: 'queued', contacts: [expect.objectContaining({ id: letter.contactId })] });
      expect(own.events).toEqual(expect.arrayContaining([expect.objectContaining({
        type: 'letter_quotes_reference',
        data: { contactId: letter.contactId, references: [earlier.reference], moved: false, reason: 'letter_case_in_hand', caseId: earlier.id, reference: earlier.reference },
      })]));
      expect((await detail(earlier.id)).contacts).toHaveLength(1);
    });

    it('links the case a letter opened to a closed case it quotes, as a follow-up, instead of moving it', async () => {
      const earlier = await submitCase(server, { message: 'Et gammelt spørgsmål om vejen.' });
      expect((await server.as(admin).patch(`/api/v1/cases/${earlier.id}`).send({ status: 'closed' })).status).toBe(200);
      const [letter] = await registerLetters(server, admin, [{ filename: 'blank.png', content: await blankPng(110) }], { senderName: 'Lone Berg' });
      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'manual_reading' });

      await server.as(admin).put(`/api/v1/post/scans/${letter.contactId}/text`).send({ text: `Angående ${earlier.reference}: hullet i vejen er der igen.` });
      const own = await detail(letter.caseId);
      expect(own).toMatchObject({ status: 'queued', contacts: [expect.objectContaining({ id: letter.contactId })] });
      expect(own.events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'linked_case', data: { caseId: earlier.id, reference: earlier.reference, reason: 'closed' } })]));
      expect((await detail(earlier.id)).events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'follow_up_case', data: { caseId: letter.caseId, reference: letter.reference } })]));
    });

    it('keeps the topic the clerk chose when the text arrives', async () => {
      const [letter] = await registerLetters(server, admin, [{ filename: 'scan.png', content: await letterPng([...lines, 'PS: Også hullet i vejen.']) }], { senderName: 'Birthe Nielsen', topic: 'veje' });
      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'done' });
      expect((await detail(letter.caseId)).topic).toBe('veje');
    });

    it('flags a scan with nothing to read for manual reading, then takes the text a person types', async () => {
      const [letter] = await registerLetters(server, admin, [{ filename: 'blank.png', content: await blankPng() }], { senderName: 'Anonym' });

      expect(await scanSettled(server, admin, letter.contactId)).toMatchObject({ status: 'manual_reading', reason: expect.stringContaining('no readable text') });
      const manual = await server.as(admin).get('/api/v1/post/scans').query({ status: 'manual_reading' });
      expect(manual.body.items.map((s: { contactId: string }) => s.contactId)).toContain(letter.contactId);
      expect((await detail(letter.caseId)).events.map((e: { type: string }) => e.type)).toContain('letter_needs_manual_reading');

      const typed = await server.as(admin).put(`/api/v1/post/scans/${letter.contactId}/text`).send({ text: 'Håndskrevet brev om min folkepension.' });
      expect(typed.status).toBe(200);
      expect(typed.body).toMatchObject({ status: 'done', method: 'manual' });
      expect(await contactText(letter.caseId, letter.contactId)).toBe('Håndskrevet brev om min folkepension.');
      expect((await detail(letter.caseId)).topic).toBe('ydelser');
      expectApiError(await server.as(admin).put(`/api/v1/post/scans/${letter.contactId}/text`).send({ text: 'igen' }), 409, 'not waiting to be read');
    });
  });

  describe('refusing uploads that are not letters', () => {
    const caseCount = async () => (await listAllCases(server, admin)).length;

    it.each([
      ['a file that is not a PDF or image by its content, whatever its name', () => [{ filename: 'brev.pdf', content: Buffer.from('Dette er bare tekst, ikke en PDF.') }], 400, 'brev.pdf is not a PDF, PNG, JPEG or TIFF'],
      ['an empty file', () => [{ filename: 'tom.pdf', content: Buffer.alloc(0) }], 400, 'The file tom.pdf is empty'],
      ['a file just over the size limit', () => [{ filename: 'stor.png', content: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 1) }], 400, 'The file stor.png is larger than 2 MB'],
      ['a file far over the size limit', () => [{ filename: 'enorm.png', content: Buffer.alloc(MAX_UPLOAD_BYTES * 2, 1) }], 413, 'A file is larger than 2 MB'],
      ['no file at all', () => [], 400, 'Attach at least one scanned file in the field "files"'],
    ])('refuses %s', async (_label, files, status, message) => {
      const before = await caseCount();
      expectApiError(await postLetters(server, admin, files(), { senderName: 'Test' }), status, message);
      expect(await caseCount()).toBe(before);
    });

    it('refuses a PDF bomb: a page too large to rasterise, or more pages than a letter has', async () => {
      const before = await caseCount();
      expectApiError(await postLetters(server, admin, [{ filename: 'bombe.pdf', content: await hugePagePdf() }]), 400, 'The PDF bombe.pdf has a page larger than A2');
      expectApiError(await postLetters(server, admin, [{ filename: 'lang.pdf', content: await manyPagesPdf(MAX_PAGES + 1) }]), 400, `The file lang.pdf has ${MAX_PAGES + 1} pages; at most ${MAX_PAGES} are allowed`);
      expect(await caseCount()).toBe(before);
    });

    it('refuses the whole pile when one file is bad, in Danish when asked', async () => {
      const before = await caseCount();
      const response = await postLetters(server, admin, [{ filename: 'god.pdf', content: await textPdf(['Et helt almindeligt brev om vejen.']) }, { filename: 'tom.png', content: Buffer.alloc(0) }])
        .set('Accept-Language', 'da');
      expectApiError(response, 400, 'Filen tom.png er tom');
      expect(await caseCount()).toBe(before);
    });

    it('checks the fields: dates, topics, addresses and unknown fields', async () => {
      const file = [{ filename: 'x.pdf', content: await textPdf(['Et brev med forkerte felter i formularen.']) }];
      expectApiError(await postLetters(server, admin, file, { receivedAt: 'i går' }), 400, 'receivedAt must be a date');
      expectApiError(await postLetters(server, admin, file, { receivedAt: '2099-01-01' }), 422, 'receivedAt cannot be in the future');
      expectApiError(await postLetters(server, admin, file, { topic: 'findes-ikke' }), 422, 'topic findes-ikke is not an active topic');
      expectApiError(await postLetters(server, admin, file, { senderAddress: 'ukendt' }), 400, 'senderAddress must be street and number, then postcode and town');
      expectApiError(await postLetters(server, admin, file, { color: 'blue' }), 400, 'color is not a field this endpoint accepts');
      expectApiError(await server.as(admin).post('/api/v1/post/letters').send({ senderName: 'JSON' }), 400, 'multipart/form-data');
    });

    it('is for staff only', async () => {
      expect((await server.request.post('/api/v1/post/letters').attach('files', await textPdf(['Hej']), 'a.pdf')).status).toBe(401);
    });
  });

  describe('a letter offered to an agent before OCR has read it', () => {
    let routed: TestServer;
    let inbox: InboxClient;

    beforeAll(async () => {
      routed = await startServer();
      const agent = await routed.createStaff('agent', { skills: [{ topic: 'generelt', level: 3 }] });
      inbox = await connectInbox(routed, agent);
      await inbox.available();
    });

    afterAll(async () => {
      inbox?.close();
      await routed?.stop();
    });

    it('withdraws the offer when the text gives the case another topic, and queues it for the right agents', async () => {
      const token = await routed.adminToken();
      const [letter] = await registerLetters(routed, token, [{ filename: 'scan.png', content: await letterPng(['Kære kommune', 'Storskrald ligger stadig', 'på fortovet ved nummer 4.']) }], { senderName: 'Jonas' });
      const offer = await inbox.next<OfferEvent>('offer', (o) => o.caseId === letter.caseId);

      expect(await scanSettled(routed, token, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr' });
      await inbox.next('offer_withdrawn', (o: { offerId: string }) => o.offerId === offer.offerId);
      const body = (await routed.as(token).get(`/api/v1/cases/${letter.caseId}`)).body;
      expect(body).toMatchObject({ topic: 'affald', status: 'queued', assignee: null });
      expect(body.events).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'status_changed', from: 'offered', to: 'queued', data: { reason: 'reclassified' } }),
        expect.objectContaining({ type: 'reclassified' }),
      ]));
    });

    it('withdraws the offer of a letter that moves into the case it quotes, and closes the case it opened', async () => {
      const token = await routed.adminToken();
      // in a topic this agent has no skill for, so the only offer the agent gets is the letter's
      const earlier = await submitCase(routed, { topic: 'affald', message: 'Min skraldespand er ikke tømt.' });
      const [letter] = await registerLetters(routed, token, [{ filename: 'opfoelgning.png', content: await letterPng(['Kære kommune', `Vedr. ${earlier.reference}`, 'Spanden er stadig ikke tømt.']) }], { senderName: 'Jonas' });
      const offer = await inbox.next<OfferEvent>('offer', (o) => o.caseId === letter.caseId);

      expect(await scanSettled(routed, token, letter.contactId)).toMatchObject({ status: 'done', method: 'ocr', reference: earlier.reference });
      await inbox.next('offer_withdrawn', (o: { offerId: string }) => o.offerId === offer.offerId);
      const placeholder = (await routed.as(token).get(`/api/v1/cases/${letter.caseId}`)).body;
      expect(placeholder).toMatchObject({ status: 'closed', assignee: null, contacts: [] });
      expect(placeholder.events).toEqual(expect.arrayContaining([
        expect.objectContaining({ type: 'status_changed', from: 'offered', to: 'closed', data: { reason: 'letter_moved' } }),
      ]));
      const referenced = (await routed.as(token).get(`/api/v1/cases/${earlier.id}`)).body;
      expect(referenced.contacts.map((c: { id: string }) => c.id)).toContain(letter.contactId);
    });
  });
});
