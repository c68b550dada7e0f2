import { XMLParser } from 'fast-xml-parser';
import { IVR } from './ivr-texts';
import { IvrTwiml, VoiceUrl } from './ivr-twiml';

const url: VoiceUrl = (path, query) => `https://kommune.example/webhooks/twilio/voice${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false }).parse(xml).Response;

describe('IvrTwiml', () => {
  it('puts a caller through to a Twilio Client identity, with the dial outcome going to /dialled', () => {
    const response = parse(IvrTwiml.connect(url, 'en', 'affald', 'client:sofie'));
    expect(response.Say).toEqual({ language: 'en-GB', '#text': IVR.connecting.en });
    expect(response.Dial).toEqual({
      action: 'https://kommune.example/webhooks/twilio/voice/dialled?lang=en&topic=affald', method: 'POST', timeout: '20', answerOnBridge: 'true', Client: 'sofie',
    });
  });

  it('records a voicemail with transcription and hangs up when nothing was recorded', () => {
    const response = parse(IvrTwiml.recordVoicemail(url, 'da', 'veje', IVR.noNumber));
    expect(response.Say.map((s: { '#text': string }) => s['#text'])).toEqual([IVR.noNumber.da, IVR.recordAfterTone.da, IVR.noChoice.da]);
    expect(response.Record).toMatchObject({ transcribe: 'true', transcribeCallback: 'https://kommune.example/webhooks/twilio/voice/transcription', maxLength: '180', playBeep: 'true' });
    expect(response).toHaveProperty('Hangup');
  });

  it('escapes what it says', () => {
    expect(IvrTwiml.farewell('da', { da: 'Tak <&> farvel', en: '' })).toContain('Tak &lt;&amp;&gt; farvel');
  });
});
