export * from './phone.module';
export * from './twilio/twilio-account';
export * from './twilio/twilio-signature.guard';
export * from './twilio/twilio-price';
export * from './twilio/webhook-params';
export * from './twilio/twiml-response.interceptor';
export * from './numbers/direct-lines';
