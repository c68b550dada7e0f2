import { Client } from 'pg';
import { expectApiError } from './support/api-expectations';
import { submitCase } from './support/factories';
import { pdfPageCount, pdfText, textPdf, toolsInstalled, wordBoxes } from './support/letter-documents';
import { registerLetters } from './support/letter-registration';
import { downloadPdf, ENVELOPE_WINDOW as WINDOW, queuedLetter as queuedLetterOf } from './support/print-queue';
import { requireOrSkip } from './support/require-or-skip';
import { startServer, TestServer } from './support/test-server';

const POSTAGE_MINOR = 3100;

const suite = requireOrSkip(toolsInstalled('pdftotext', 'pdfinfo', 'pdfunite'), 'poppler-utils must be installed');

suite('answering by letter and the print queue', () => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startServer({
      env: {
        POST_LETTERHEAD: 'Skanderborg Kommune', POST_SENDER_ADDRESS: 'Borgerservice | Adelgade 44 | 8660 Skanderborg',
        POST_SENDER_CONTACT: 'Telefon 8794 7000 | borgerservice@skanderborg.dk', POST_POSTAGE_MINOR: String(POSTAGE_MINOR),
      },
    });
    admin = await server.adminToken();
  });

  afterAll(async () => {
    await server?.stop();
  });

  let houseNumber = 0;
  /** A letter from a citizen at an address of their own, opening a case. */
  const letterCase = async (name: string, lines: string[]) => {
    houseNumber++;
    const senderAddress = `Skolegade ${houseNumber}, 1. th.\n8660 Skanderborg`;
    const [letter] = await registerLetters(server, admin, [{ filename: 'brev.pdf', content: await textPdf(lines) }], { senderName: name, senderAddress });
    return letter;
  };

  const reply = (caseId: string, body: string) => server.as(admin).post(`/api/v1/cases/${caseId}/replies`).send({ body, channel: 'post' });

  const queuedLetter = (contactId: string) => queuedLetterOf(server, admin, contactId);
  const download = (path: string) => downloadPdf(server, admin, path);

  it('turns a reply by post into an A4 letter that reads back with letterhead, date, reference, text and page number', async () => {
    const letter = await letterCase('Per Madsen', ['Hvornår bliver der ryddet sne på min vej?', 'Med venlig hilsen Per']);
    const sent = await reply(letter.caseId, 'Kære Per Madsen\n\nVi rydder sne på Skolegade inden klokken 7 på hverdage.');
    expect(sent.status).toBe(201);

    const queued = await queuedLetter(sent.body.id);
    expect(queued).toMatchObject({ status: 'queued', pages: 1, postage: POSTAGE_MINOR, recipient: 'Per Madsen, Skolegade 1, 1. th., 8660 Skanderborg' });
    const pdf = await download(queued.pdfUrl);
    const text = (await pdfText(pdf)).replace(/[ \t]+/g, ' ');
    const today = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(new Date());
    for (const expected of [
      'Skanderborg Kommune', 'Borgerservice', 'Adelgade 44', 'Telefon 8794 7000', `Dato: ${today}`, `Sagsnr.: ${letter.reference}`,
      'Vedrørende: Hvornår bliver der ryddet sne på min vej?', 'Kære Per Madsen', 'Vi rydder sne på Skolegade inden klokken 7 på hverdage.',
      'Med venlig hilsen', 'Side 1 af 1',
    ]) expect(text).toContain(expected);
    const detail = await server.as(admin).get(`/api/v1/cases/${letter.caseId}`);
    expect(detail.body.contacts.find((c: { id: string }) => c.id === sent.body.id)).toMatchObject({ channel: 'post', direction: 'outbound', delivery: expect.objectContaining({ status: 'sent' }) });
  });

  it('places the recipient and the return line inside the window of a C5/DL window envelope', async () => {
    const letter = await letterCase('Ida Kjær', ['Jeg mangler svar om min byggetilladelse til en carport.']);
    const sent = await reply(letter.caseId, 'Din byggesag er modtaget.');
    const pdf = await download((await queuedLetter(sent.body.id)).pdfUrl);

    const boxes = (await wordBoxes(pdf)).filter((b) => b.page === 1);
    const inWindow = (word: string) => boxes.filter((b) => b.word === word && b.left >= WINDOW.left && b.right <= WINDOW.right && b.top >= WINDOW.top && b.bottom <= WINDOW.bottom);
    for (const word of ['Ida', 'Kjær', 'Skolegade', '2,', 'th.', '8660', 'Skanderborg']) expect(inWindow(word)).not.toHaveLength(0);
    const recipientTop = Math.min(...inWindow('Ida').map((b) => b.top));
    const returnLine = inWindow('Adelgade');
    expect(returnLine).not.toHaveLength(0);
    expect(Math.max(...returnLine.map((b) => b.bottom))).toBeLessThan(recipientTop);
    const nothingElse = boxes.filter((b) => b.left < WINDOW.right && b.right > WINDOW.left && b.top < WINDOW.bottom && b.bottom > WINDOW.top);
    expect(nothingElse.every((b) => b.left >= WINDOW.left && b.right <= WINDOW.right && b.top >= WINDOW.top && b.bottom <= WINDOW.bottom)).toBe(true);
  });

  it('writes in English for an English case and numbers every page of a long letter', async () => {
    const letter = await letterCase('John Smith', ['Hello, I have a question about my parking permit. Please can you help me? Kind regards, John']);
    const paragraph = 'Thank you for your letter about the parking permit. We have looked at the rules for your street and will write again when the permit is ready.';
    const sent = await reply(letter.caseId, Array.from({ length: 40 }, () => paragraph).join('\n\n'));
    const queued = await queuedLetter(sent.body.id);
    expect(queued.pages).toBeGreaterThan(1);

    const text = (await pdfText(await download(queued.pdfUrl))).replace(/[ \t]+/g, ' ');
    expect(text).toContain(`Our reference: ${letter.reference}`);
    expect(text).toContain('Kind regards');
    for (let page = 1; page <= queued.pages; page++) expect(text).toContain(`Page ${page} of ${queued.pages}`);
  });

  it('refuses a reply by post to a citizen without a postal address', async () => {
    const submitted = await submitCase(server, { message: 'Et spørgsmål uden adresse.' });
    expectApiError(await reply(submitted.id, 'Svar med brev'), 422, 'The citizen has no postal address');
  });

  it("prints the waiting letters as one batch PDF, marks them posted, and records each letter's postage as its cost", async () => {
    const first = await letterCase('Anne Berg', ['Jeg vil gerne høre om pladsanvisning til vuggestue.']);
    const second = await letterCase('Bo Berg', ['Hvornår åbner skolebussen ruten igen?']);
    const replies = [(await reply(first.caseId, 'Første svar.')).body.id, (await reply(second.caseId, 'Andet svar.')).body.id];
    for (const id of replies) await queuedLetter(id);
    const waiting = (await server.as(admin).get('/api/v1/post/outgoing')).body.items as { contactId: string; pages: number }[];

    const created = await server.as(admin).post('/api/v1/post/batches');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ letters: waiting.length, postage: waiting.length * POSTAGE_MINOR, postedAt: null });
    expect(created.body.items.map((l: { contactId: string }) => l.contactId)).toEqual(expect.arrayContaining(replies));
    expect((await server.as(admin).get('/api/v1/post/outgoing')).body.items).toEqual([]);
    expectApiError(await server.as(admin).post('/api/v1/post/batches'), 409, 'No letters are waiting to be printed');

    const batchPdf = await download(created.body.pdfUrl);
    expect(await pdfPageCount(batchPdf)).toBe(created.body.pages);
    const items = created.body.items as { pages: number }[];
    const duplexPages = items.reduce((sum, l) => sum + l.pages + (l.pages % 2), 0);
    expect(await pdfPageCount(await download(`${created.body.pdfUrl}?duplex=1`))).toBe(duplexPages);
    const batchText = await pdfText(batchPdf);
    for (const answer of ['Første svar.', 'Andet svar.']) expect(batchText).toContain(answer);
    const today = (await server.as(admin).get('/api/v1/post/batches')).body.items.map((b: { id: string }) => b.id);
    expect(today).toContain(created.body.id);

    const posted = await server.as(admin).post(`/api/v1/post/batches/${created.body.id}/posted`);
    expect(posted.status).toBe(200);
    expect(posted.body.postedAt).not.toBeNull();
    expect(posted.body.items.every((l: { status: string }) => l.status === 'posted')).toBe(true);
    expectApiError(await server.as(admin).post(`/api/v1/post/batches/${created.body.id}/posted`), 409, 'already posted');

    const db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
    try {
      const costs = await db.query('SELECT id, direct_cost_minor FROM contacts WHERE id = ANY($1)', [replies]);
      expect(costs.rows.map((r) => Number(r.direct_cost_minor))).toEqual([POSTAGE_MINOR, POSTAGE_MINOR]);
    } finally {
      await db.end();
    }
    const events = (await server.as(admin).get(`/api/v1/cases/${first.caseId}`)).body.events.map((e: { type: string }) => e.type);
    expect(events).toContain('letter_posted');
  });
});
