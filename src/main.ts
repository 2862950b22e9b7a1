import { main } from './cli/main';

main(process.argv.slice(2), process.env).then((code) => {
  process.exitCode = code;
});
