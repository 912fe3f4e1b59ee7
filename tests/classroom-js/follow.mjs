// A classroom follower on the official JavaScript SignalR client: connects to an app's /hubs/classroom, joins a
// code, and writes each event it receives as one JSON line on stdout ({"event":"step","code":"ABC234","step":3}),
// after a {"event":"joined",...} line once Join has returned. It ends by itself when it has seen the step given as
// --until, or after --timeout seconds (default 30), so a test that forgets it leaves nothing running.
//   node follow.mjs --url http://127.0.0.1:PORT --code ABC234 --until 5
import * as signalR from "@microsoft/signalr";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const until = args.until === undefined ? undefined : Number(args.until);
const write = (line) => process.stdout.write(JSON.stringify(line) + "\n");

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${args.url}/hubs/classroom`)
  .configureLogging(signalR.LogLevel.Warning)
  .build();

const done = async (code) => {
  clearTimeout(timer);
  await connection.stop();
  process.exit(code);
};
const timer = setTimeout(() => {
  write({ event: "timeout" });
  done(1);
}, Number(args.timeout ?? 30) * 1000);

for (const name of ["step", "followers", "question", "tally", "revealed", "ended"]) {
  connection.on(name, (payload) => {
    write({ event: name, ...payload });
    if (name === "step" && payload.step === until) {
      done(0);
    }
  });
}

try {
  await connection.start();
  const joined = await connection.invoke("Join", args.code);
  write({ event: "joined", ...joined });
} catch (error) {
  write({ event: "error", message: String(error.message ?? error) });
  await done(2);
}
