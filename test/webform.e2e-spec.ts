import { randomUUID } from 'node:crypto';
import { expectApiError, listAllCases } from './support/api-expectations';
import { submitCase, submitWebform, uniqueEmail, WEBFORM_PATH, webformFields } from './support/factories';
import { pdf, png } from './support/sample-files';
import { startServer, TestServer } from './support/test-server';

const tokenOf = (statusUrl: string) => statusUrl.split('/status/')[1];
const referenceIn = (html: string) => /K-\d{4}-\d{6}/.exec(html)?.[0];

describe('the web-form channel', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer();
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  const caseCount = async () => (await listAllCases(server, admin)).length;
  const detail = async (id: string) => (await server.as(admin).get(`/api/v1/cases/${id}`)).body;

  describe('JSON submissions', () => {
    it('answers 201 with the reference and a private status link under PUBLIC_BASE_URL', async () => {
      const response = await server.request.post(WEBFORM_PATH).send(webformFields());

      expect(response.status).toBe(201);
      expect(response.body.reference).toMatch(/^K-\d{4}-\d{6}$/);
      expect(response.body.statusUrl).toMatch(new RegExp(`^${server.url}/status/[A-Za-z0-9_-]{43}$`));
    });

    it('records a retry with the same Idempotency-Key once and gives the citizen a working link again', async () => {
      const key = randomUUID();
      const fields = webformFields({ message: 'Jeg trykkede to gange på send' });
      const before = await caseCount();

      const first = await server.request.post(WEBFORM_PATH).set('Idempotency-Key', key).send(fields);
      const retry = await server.request.post(WEBFORM_PATH).set('Idempotency-Key', key).send(fields);

      expect(retry.body.reference).toBe(first.body.reference);
      expect(await caseCount()).toBe(before + 1);
      const status = await server.request.get(`/api/v1/public/status/${tokenOf(retry.body.statusUrl)}`);
      expect(status.body.messages).toHaveLength(1);
    });

    it('refuses a weak Idempotency-Key', async () => {
      expectApiError(await server.request.post(WEBFORM_PATH).set('Idempotency-Key', 'abc').send(webformFields()), 400, 'Idempotency-Key');
    });

    it('threads a follow-up through the status link into the same case, from the same citizen', async () => {
      const submitted = await submitCase(server, { subject: 'Storskrald', message: 'Hvornår hentes storskrald?' });

      const followUp = await server.request.post(`/api/v1/public/status/${tokenOf(submitted.statusUrl)}/messages`).send({ message: 'Det er en sofa og to stole.' });

      expect(followUp.status).toBe(201);
      expect(followUp.body.reference).toBe(submitted.reference);
      const view = await detail(submitted.id);
      expect(view.contacts.map((c: { text: string }) => c.text)).toEqual(['Hvornår hentes storskrald?', 'Det er en sofa og to stole.']);
      expect(view.citizen.otherCases).toEqual([]);
    });

    it('refuses a forged or malformed status token with 404', async () => {
      expectApiError(await server.request.get(`/api/v1/public/status/${'A'.repeat(43)}`), 404, 'status link is not valid');
      expectApiError(await server.request.get('/api/v1/public/status/not-a-token'), 404);
      expectApiError(await server.request.post(`/api/v1/public/status/${'B'.repeat(43)}/messages`).send({ message: 'hej' }), 404);
    });

    it('refuses a filled honeypot without recording anything', async () => {
      const before = await caseCount();
      expectApiError(await server.request.post(WEBFORM_PATH).send({ ...webformFields(), website: 'http://spam.example' }), 400, 'website');
      expect(await caseCount()).toBe(before);
    });

    it('answers in Danish when asked to', async () => {
      const response = await server.request.post(WEBFORM_PATH).set('Accept-Language', 'da-DK,da;q=0.9').send({ name: 'Å', message: 'hej' });
      expectApiError(response, 400, 'Skriv din e-mail eller dit telefonnummer');
    });

    it('gives the case the language the client states, else the one its text is written in', async () => {
      const submit = async (message: string, acceptLanguage?: string) => {
        const request = server.request.post(WEBFORM_PATH);
        if (acceptLanguage) request.set('Accept-Language', acceptLanguage);
        const response = await request.send(webformFields({ message }));
        expect(response.status).toBe(201);
        const [found] = (await server.as(admin).get('/api/v1/cases').query({ text: response.body.reference })).body.items;
        return found.language as string;
      };
      const danish = 'Hej. Hvornår henter I storskrald på Østergade? Jeg har et gammelt køleskab, som skal væk. Venlig hilsen Mette';
      const english = 'Hello. When do you collect bulky waste in my street? I have an old fridge that needs to go. Kind regards';

      expect(await submit(danish)).toBe('da');
      expect(await submit(english)).toBe('en');
      expect(await submit(danish, 'en-GB,en;q=0.9')).toBe('en');
      expect(await submit(english, 'da-DK')).toBe('da');
    });

    it('shows staff replies to the citizen, never internal notes', async () => {
      const submitted = await submitCase(server);
      await server.as(admin).post(`/api/v1/cases/${submitted.id}/notes`).send({ body: 'Intern: borgeren har ringet før' });
      await server.as(admin).post(`/api/v1/cases/${submitted.id}/replies`).send({ body: 'Vi henter den på torsdag.' });

      const status = await server.request.get(`/api/v1/public/status/${tokenOf(submitted.statusUrl)}`);

      expect(status.body.messages.map((m: { direction: string; text: string }) => [m.direction, m.text])).toEqual([
        ['inbound', expect.any(String)],
        ['outbound', 'Vi henter den på torsdag.'],
      ]);
      expect(JSON.stringify(status.body)).not.toContain('Intern');
    });

    it('refuses a follow-up on a closed case with 409', async () => {
      const submitted = await submitCase(server);
      for (const status of ['resolved', 'closed']) await server.as(admin).patch(`/api/v1/cases/${submitted.id}`).send({ status });

      expectApiError(await server.request.post(`/api/v1/public/status/${tokenOf(submitted.statusUrl)}/messages`).send({ message: 'Hallo?' }), 409, 'closed');
    });
  });

  describe('the HTML form, without JavaScript', () => {
    it('renders in Danish by default and in English on request', async () => {
      const danish = await server.request.get('/contact');
      const english = await server.request.get('/contact?lang=en');

      expect(danish.status).toBe(200);
      expect(danish.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
      expect(danish.text).toContain('<html lang="da">');
      expect(danish.text).toContain('<label for="message">Din besked *</label>');
      expect(english.text).toContain('<html lang="en">');
      expect(english.text).toContain('<label for="message">Your message *</label>');
    });

    it('accepts a submission with attachments, checked by content, and shows the reference and status link', async () => {
      const image = png();
      const response = await server.request
        .post('/contact')
        .field('name', 'Jens Ølgaard')
        .field('email', uniqueEmail('jens'))
        .field('message', 'Hul i vejen på Adelgade, se billedet')
        .attach('attachments', image, 'hul-i-vejen.png')
        .attach('attachments', pdf('Kvittering'), 'kvittering-æøå.pdf');

      expect(response.status).toBe(201);
      const reference = referenceIn(response.text)!;
      expect(response.text).toMatch(/href="[^"]*\/status\/[A-Za-z0-9_-]{43}/);
      const [found] = (await server.as(admin).get('/api/v1/cases').query({ text: reference })).body.items;
      const view = await detail(found.id);
      const files = view.contacts[0].attachments;
      expect(files.map((f: { filename: string; contentType: string }) => [f.filename, f.contentType])).toEqual([
        ['hul-i-vejen.png', 'image/png'],
        ['kvittering-æøå.pdf', 'application/pdf'],
      ]);
      const download = await server.as(admin).get(files[0].url).buffer(true);
      expect(Buffer.compare(download.body, image)).toBe(0);
      expect(view.topic).toBe('veje');
    });

    it('re-shows the form with an error summary and the citizen’s text kept', async () => {
      const response = await server.request.post('/contact').type('form').send({ name: '', email: 'ikke-en-mail', message: 'Min lange besked om æbletræet' });

      expect(response.status).toBe(400);
      expect(response.text).toContain('class="error-summary"');
      expect(response.text).toContain('<a href="#name">Skriv dit navn</a>');
      expect(response.text).toContain('Min lange besked om æbletræet</textarea>');
      expect(response.text).toContain('aria-invalid="true"');
    });

    it.each([
      ['a text file named .pdf', [{ content: Buffer.from('just text'), name: 'faktura.pdf' }], 'ikke en PDF'],
      ['an empty file', [{ content: Buffer.alloc(0), name: 'tom.png' }], 'er tom'],
      ['a file over 10 MB', [{ content: Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]), name: 'stor.pdf' }], 'større end 10 MB'],
      ['six files', Array.from({ length: 6 }, (_, i) => ({ content: png(), name: `billede-${i}.png` })), 'højst vedhæfte 5 filer'],
    ])('refuses %s, names the problem and records nothing', async (_, files, message) => {
      const before = await caseCount();
      let request = server.request.post('/contact').field('name', 'Test').field('email', uniqueEmail()).field('message', 'Se vedhæftet');
      for (const file of files) request = request.attach('attachments', file.content, file.name);

      const response = await request;

      expect(response.status).toBe(400);
      expect(response.text).toContain(message);
      expect(await caseCount()).toBe(before);
    });

    it('records a double submit of the same rendered form once', async () => {
      const form = await server.request.get('/contact');
      const key = /name="submission" value="([^"]+)"/.exec(form.text)![1];
      const fields = { name: 'Dobbelt Klik', email: uniqueEmail(), message: 'Sendt to gange', submission: key };
      const before = await caseCount();

      const first = await server.request.post('/contact').type('form').send(fields);
      const second = await server.request.post('/contact').type('form').send(fields);

      expect(referenceIn(second.text)).toBe(referenceIn(first.text));
      expect(await caseCount()).toBe(before + 1);
    });

    it('lets the citizen follow the case and add a message on the status page', async () => {
      const submitted = await submitWebform(server, { message: 'Første besked' });
      const path = new URL(submitted.statusUrl).pathname;

      const page = await server.request.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.text).toContain(submitted.reference);
      expect(page.text).toContain('Venter på en medarbejder');

      const posted = await server.request.post(path).type('form').send({ message: 'Anden besked med æøå' });
      expect(posted.status).toBe(303);
      const after = await server.request.get(posted.headers.location);
      expect(after.text).toContain('Din besked er lagt på sagen');
      expect(after.text).toContain('Anden besked med æøå');
    });

    it('shows a clear page for a broken status link', async () => {
      const response = await server.request.get(`/status/${'C'.repeat(43)}?lang=en`);
      expect(response.status).toBe(404);
      expect(response.text).toContain('This link does not work');
    });
  });

  describe('rate limiting', () => {
    let limited: TestServer;

    beforeAll(async () => {
      limited = await startServer({ env: { PUBLIC_RATE_LIMIT: '2' } });
    });

    afterAll(async () => {
      await limited?.stop();
    });

    it('allows PUBLIC_RATE_LIMIT submissions per IP per minute, then answers 429 with Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.request.post(WEBFORM_PATH).send(webformFields())).status);
      const page = await limited.request.post('/contact').type('form').send(webformFields());

      expect(statuses).toEqual([201, 201, 429]);
      expect(page.status).toBe(429);
      expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
      expect(page.text).toContain('For mange henvendelser');
    });
  });
});
