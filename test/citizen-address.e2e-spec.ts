import { expectApiError } from './support/api-expectations';
import { submitCase, uniqueEmail } from './support/factories';
import { textPdf, toolsInstalled, wordBoxes } from './support/letter-documents';
import { registerLetters } from './support/letter-registration';
import { downloadPdf, ENVELOPE_WINDOW as WINDOW, queuedLetter } from './support/print-queue';
import { requireOrSkip } from './support/require-or-skip';
import { StaffMember, startServer, TestServer } from './support/test-server';

const suite = requireOrSkip(toolsInstalled('pdftotext', 'pdfinfo'), 'poppler-utils must be installed');

suite("staff record a citizen's postal address", () => {
  let server: TestServer;
  let admin: string;
  let agent: StaffMember;

  beforeAll(async () => {
    server = await startServer({ env: { POST_SENDER_ADDRESS: 'Borgerservice | Adelgade 44 | 8660 Skanderborg' } });
    admin = await server.adminToken();
    agent = await server.createStaff('agent');
  });

  afterAll(async () => {
    await server?.stop();
  });

  const detail = async (caseId: string) => (await server.as(admin).get(`/api/v1/cases/${caseId}`)).body;
  const putAddress = (citizenId: string, body: Record<string, unknown>, token = agent.token) => server.as(token).put(`/api/v1/citizens/${citizenId}/address`).send(body);
  /** A citizen known only by the email of the web form they sent, with the case it opened. */
  const emailOnlyCitizen = async (message: string) => {
    const submitted = await submitCase(server, { name: 'Karen Hansen', email: uniqueEmail('karen'), message });
    const body = await detail(submitted.id);
    expect(body.citizen.addresses).toEqual([]);
    return { caseId: submitted.id, citizenId: body.citizen.id as string };
  };

  it('gives an email-only citizen an address, so an agent can answer by letter with the address in the envelope window', async () => {
    const { caseId, citizenId } = await emailOnlyCitizen('Jeg vil gerne have svar med posten om min ejendomsskat.');
    expectApiError(await server.as(agent.token).post(`/api/v1/cases/${caseId}/replies`).send({ body: 'Svar', channel: 'post' }), 422, 'The citizen has no postal address');

    const recorded = await putAddress(citizenId, { name: 'Karen Hansen-Berg', street: ['Østergade  12', '2. tv.'], postcode: '8660', city: 'Skanderborg', country: 'DK' });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toEqual({
      citizenId, name: 'Karen Hansen-Berg', address: ['Østergade 12, 2. tv.', '8660 Skanderborg'], identity: 'østergade 12, 2. tv., 8660 skanderborg', replaced: 0,
    });
    expect((await detail(caseId)).citizen).toMatchObject({ name: 'Karen Hansen-Berg', addresses: ['østergade 12, 2. tv., 8660 skanderborg'] });

    const sent = await server.as(agent.token).post(`/api/v1/cases/${caseId}/replies`).send({ body: 'Din ejendomsskat er beregnet korrekt.', channel: 'post' });
    expect(sent.status).toBe(201);
    const letter = await queuedLetter(server, admin, sent.body.id);
    expect(letter.recipient).toBe('Karen Hansen-Berg, Østergade 12, 2. tv., 8660 Skanderborg');
    const boxes = (await wordBoxes(await downloadPdf(server, admin, letter.pdfUrl))).filter((b) => b.page === 1);
    const inWindow = (word: string) => boxes.some((b) => b.word === word && b.left >= WINDOW.left && b.right <= WINDOW.right && b.top >= WINDOW.top && b.bottom <= WINDOW.bottom);
    for (const word of ['Karen', 'Hansen-Berg', 'Østergade', '12,', 'tv.', '8660', 'Skanderborg']) expect(inWindow(word)).toBe(true);
  });

  it('finds the citizen by the recorded address when a letter comes from it, however the letter writes it', async () => {
    const { citizenId } = await emailOnlyCitizen('Et spørgsmål, jeg også sender med posten.');
    expect((await putAddress(citizenId, { street: ['Bakkevej 40'], postcode: '8660', city: 'Skanderborg' })).status).toBe(200);

    const [letter] = await registerLetters(server, admin, [{ filename: 'brev.pdf', content: await textPdf(['Her er mit brev om vejbelysningen på Bakkevej.']) }], {
      senderAddress: 'bakkevej nr. 40, DK-8660 Skanderborg',
    });
    expect((await detail(letter.caseId)).citizen.id).toBe(citizenId);
  });

  it('replaces the previous address and corrects the name, and a later reply by letter uses the correction', async () => {
    const [letter] = await registerLetters(server, admin, [{ filename: 'brev.pdf', content: await textPdf(['Jeg er flyttet og mangler svar om min vej.']) }], {
      senderName: 'Per Mdsen', senderAddress: 'Vestergade 9\n8660 Skanderborg',
    });
    const citizenId = (await detail(letter.caseId)).citizen.id;

    const corrected = await putAddress(citizenId, { name: 'Per Madsen', street: ['Nørregade 5, st.'], postcode: '8660', city: 'Skanderborg' });
    expect(corrected.body).toMatchObject({ name: 'Per Madsen', address: ['Nørregade 5, st.', '8660 Skanderborg'], replaced: 1 });
    expect((await detail(letter.caseId)).citizen).toMatchObject({ name: 'Per Madsen', addresses: ['nørregade 5, st., 8660 skanderborg'] });
    const sent = await server.as(agent.token).post(`/api/v1/cases/${letter.caseId}/replies`).send({ body: 'Tak for besked om flytningen.', channel: 'post' });
    expect((await queuedLetter(server, admin, sent.body.id)).recipient).toBe('Per Madsen, Nørregade 5, st., 8660 Skanderborg');
  });

  it('refuses an address another citizen already has, with a clear conflict', async () => {
    await registerLetters(server, admin, [{ filename: 'brev.pdf', content: await textPdf(['Brev fra en anden borger om hans hæk.']) }], { senderName: 'Ib Nør', senderAddress: 'Torvet 1\n8660 Skanderborg' });
    const { caseId, citizenId } = await emailOnlyCitizen('Jeg bor vist samme sted.');

    expectApiError(await putAddress(citizenId, { street: ['Torvet  nr. 1'], postcode: '8660', city: 'Skanderborg' }), 409, 'already has the address Torvet 1, 8660 Skanderborg');
    expect((await detail(caseId)).citizen.addresses).toEqual([]);
  });

  it.each([
    ['a postcode that is not 4 digits', { street: ['Skolegade 3'], postcode: '866', city: 'Skanderborg' }, 400, 'postcode must be 4 digits for a Danish address'],
    ['a foreign country', { street: ['Storgatan 1'], postcode: '11122', city: 'Stockholm', country: 'SE' }, 400, 'country must be DK'],
    ['no street line', { street: [], postcode: '8660', city: 'Skanderborg' }, 400, 'street must have at least one line'],
    ['a street line without a house number', { street: ['Skolegade'], postcode: '8660', city: 'Skanderborg' }, 422, 'The first street line must be the street name and house number'],
    ['a street line that is too long', { street: [`Skolegade 3 ${'x'.repeat(100)}`], postcode: '8660', city: 'Skanderborg' }, 400, 'street lines must be at most 100 characters'],
    ['a town with digits', { street: ['Skolegade 3'], postcode: '8660', city: '8660' }, 400, 'city must be a town name'],
    ['a name on two lines', { name: 'Karen\nHansen', street: ['Skolegade 3'], postcode: '8660', city: 'Skanderborg' }, 400, 'name must be one line'],
    ['an unknown field', { street: ['Skolegade 3'], postcode: '8660', city: 'Skanderborg', floor: '1' }, 400, 'floor is not a field this endpoint accepts'],
    ['a missing town', { street: ['Skolegade 3'], postcode: '8660' }, 400, 'city must be text'],
    ['a street that is not a list of lines', { street: 'Skolegade 3', postcode: '8660', city: 'Skanderborg' }, 400, 'street must be a list of lines'],
    ['a postcode sent as a number', { street: ['Skolegade 3'], postcode: 8660, city: 'Skanderborg' }, 400, 'postcode must be text of 4 digits'],
  ])('refuses %s', async (_label, body, status, message) => {
    const { caseId, citizenId } = await emailOnlyCitizen('Et spørgsmål til afprøvning af adresser.');
    expectApiError(await putAddress(citizenId, body), status, message);
    expect((await detail(caseId)).citizen).toMatchObject({ name: 'Karen Hansen', addresses: [] });
  });

  it('answers 404 for an unknown citizen, 400 for an id that is not one, and 401 without a login', async () => {
    const body = { street: ['Skolegade 3'], postcode: '8660', city: 'Skanderborg' };
    expectApiError(await putAddress('00000000-0000-4000-8000-000000000000', body), 404, 'Citizen 00000000-0000-4000-8000-000000000000 was not found');
    expectApiError(await putAddress('nr-7', body), 400, 'id must be a UUID');
    expect((await server.request.put('/api/v1/citizens/00000000-0000-4000-8000-000000000000/address').send(body)).status).toBe(401);
  });
});
