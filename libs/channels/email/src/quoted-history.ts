/**
 * Splits an email's plain text into what the sender wrote now and the history they quoted, so the
 * case timeline shows the new text and keeps the rest folded away.
 */
const ATTRIBUTION = [
  /^On .{1,300} wrote:\s*$/i,
  /^Den .{1,300} skrev .{0,300}:\s*$/i,
  /^.{0,300} skrev( følgende)?:\s*$/i,
  /^-{2,}\s*(Original Message|Oprindelig meddelelse|Videresendt meddelelse|Forwarded message)\s*-{2,}\s*$/i,
  /^_{5,}\s*$/,
];
const OUTLOOK_HEADER = /^(From|Fra):\s.+/i;
const OUTLOOK_NEXT = /^(Sent|Sendt|Date|Dato|To|Til|Subject|Emne):\s/i;

export interface SplitText {
  text: string;
  quoted?: string;
}

export function splitQuotedHistory(body: string): SplitText {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length && cut < 0; i++) {
    const line = lines[i].trim();
    if (ATTRIBUTION.some((pattern) => pattern.test(line))) cut = i;
    else if (OUTLOOK_HEADER.test(line) && OUTLOOK_NEXT.test(lines[i + 1]?.trim() ?? '')) cut = i;
    else if (line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>'))) cut = i;
  }
  if (cut <= 0) return { text: body.trim() };
  const text = lines.slice(0, cut).join('\n').trim();
  const quoted = lines.slice(cut).join('\n').trim();
  return text ? { text, quoted } : { text: body.trim() };
}
