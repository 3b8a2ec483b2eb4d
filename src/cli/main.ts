/** jixiao: the command-line checker. Dispatches to src/cli/commands/*. */
import { detectLang, UsageError, type CliIO } from "./io";
import { t } from "./messages";

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check")).run,
  read: async () => (await import("./commands/read")).run,
  library: async () => (await import("./commands/library")).run,
  recommend: async () => (await import("./commands/recommend")).run,
};

export async function main(argv: string[], io?: Partial<CliIO>): Promise<number> {
  const lang = detectLang(argv, process.env);
  const full: CliIO = { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n"), lang, ...io };
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
    full.out(t(lang, "usage"));
    return cmd ? 0 : 2;
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

if (require.main === module) void runAsProgram(process.argv.slice(2));
