/**
 * The CLI follows the locale (LC_ALL, LC_MESSAGES, LANG: English for an English one); the tests
 * expect its default, Chinese, on any machine: an English locale is set to C.UTF-8 for them (and
 * for the processes they start).
 */
for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) if (/^en/i.test(process.env[name] ?? "")) process.env[name] = "C.UTF-8";
delete process.env.JIXIAO_LANG;
