/**
 * A `.wasm` file imported `with { type: 'bytes' }`: esbuild inlines its bytes into the Lambda bundle
 * (codecs.ts), so the function ships as one file and `cdk synth` needs nothing beside it.
 */
declare module '*.wasm' {
  const bytes: Uint8Array
  export default bytes
}
