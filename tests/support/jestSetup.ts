// Every test process: SDK clients made in-process (by the fakes' own tests, or the tests' AWS calls) would print a
// multi-line warning on Node < 22. The CLI under test handles it itself; this is only for the test process.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
