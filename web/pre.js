// web/pre.js - put at the top of pulje.js (emcc --pre-js), inside createPulje's scope.
// The wasm is embedded as a data: URI (SINGLE_FILE); in a browser Emscripten would first
// try fetch() on it, which a page whose Content-Security-Policy forbids every request
// (connect-src 'none') reports as a violation before falling back to decoding the base64.
// pulje fetches nothing, so fetch is hidden: the module decodes the embedded bytes directly
// and instantiates them (that needs only script-src 'wasm-unsafe-eval').
var fetch = undefined;
