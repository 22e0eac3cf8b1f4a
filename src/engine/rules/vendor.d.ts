// seedrandom's Alea on its own (the package's index also pulls in Node's crypto for auto-seeding,
// which the engine never wants). Typed where it is used, in rng.ts.
declare module 'seedrandom/lib/alea.js' {
  const alea: unknown;
  export default alea;
}
