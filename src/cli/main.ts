/** jixiao: the command-line checker. Dispatches to src/cli/commands/*. */
import { detectLang, UsageError, type CliIO } from "./io";
import { t, type CliTextKey } from "./messages";
import { isCheckWorker, serveChecks } from "./checkWorker";

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check")).run,
  read: async () => (await import("./commands/read")).run,
  library: async () => (await import("./commands/library")).run,
  recommend: async () => (await import("./commands/recommend")).run,
  selfeval: async () => (await import("./commands/selfeval")).run,
};

/** Each command's own help (`jixiao <command> --help`, `jixiao help <command>`). */
const COMMAND_HELP: Record<string, CliTextKey> = { check: "checkUsage", read: "readUsage", library: "libraryUsage", recommend: "recommendUsage", selfeval: "selfevalUsage" };

const isHelp = (a: string) => a === "--help" || a === "-h";

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const lang = detectLang(argv, process.env);
  const full: CliIO = {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    // a report written as it goes waits for the pipe when it is full (bounded memory, issue 17);
    // a caller that takes the output itself (`out`) gets it all through `out`
    write: io?.out ? undefined : (s) => (process.stdout.write(s) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", () => resolve()))),
    lang,
    ...io,
  };
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "help" || isHelp(cmd)) {
    // `jixiao help check`: the command named (not the value of --lang)
    const about = cmd === "help" ? rest.find((a, i) => !a.startsWith("-") && rest[i - 1] !== "--lang") : undefined;
    if (about && !COMMAND_HELP[about]) {
      full.err(t(lang, "unknownCommand", about));
      return 2;
    }
    full.out(t(lang, about ? COMMAND_HELP[about] : "usage"));
    return cmd ? 0 : 2;
  }
  // --help anywhere after the command (after any option): that command's help, nothing else done
  const helpOf = COMMAND_HELP[cmd] ?? (cmd.toLowerCase().endsWith(".xlsx") ? COMMAND_HELP.check : undefined);
  if (helpOf && rest.some(isHelp)) {
    full.out(t(lang, helpOf));
    return 0;
  }
  const load = COMMANDS[cmd];
  try {
    if (!load) {
      // `jixiao file.xlsx` means `jixiao check file.xlsx`
      if (cmd.toLowerCase().endsWith(".xlsx")) return await (await COMMANDS.check())(argv, full);
      throw new UsageError(t(lang, "unknownCommand", cmd));
    }
    return await (await load())(rest, full);
  } catch (e) {
    if (e instanceof UsageError) {
      full.err(e.message);
      return 2;
    }
    full.err(`jixiao: ${(e as Error).message.split("\n")[0]}`);
    return 2;
  }
}

/** `jixiao check … | head` closes the pipe early: stop quietly, as other command-line tools do. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** Run as the `jixiao` program: exit code set, closed pipes and unexpected errors handled. */
export function runAsProgram(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`jixiao: ${(e as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}

// the bundle started again as a check worker (checkWorker.ts) serves checks instead of running a command
if (isCheckWorker()) serveChecks();
else if (require.main === module) void runAsProgram(process.argv.slice(2));
