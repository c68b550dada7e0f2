/**
 * How many segments an SMS takes, the unit operators and Twilio charge by: GSM-7 text fits 160
 * characters in one segment and 153 per segment when split; anything outside GSM-7 (e.g. emoji) is
 * sent as UCS-2, 70 and 67 UTF-16 units. Characters of the GSM-7 extension table count twice.
 */
const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export function smsSegments(text: string): number {
  let septets = 0;
  for (const char of text) {
    if (GSM7_BASIC.includes(char)) septets += 1;
    else if (GSM7_EXTENSION.includes(char)) septets += 2;
    else return ucs2Segments(text);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

function ucs2Segments(text: string): number {
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}
