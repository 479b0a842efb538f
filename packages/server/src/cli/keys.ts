import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { CredentialRequestError, issueCredential } from '../auth/issue.js';
import type { CredentialKind } from '../auth/secrets.js';
import { databaseFile } from '../server.js';
import { openDatabase } from '../storage/database.js';
import type { Credential } from '../storage/credentials.js';
import { sqliteStores, type Stores } from '../storage/stores.js';
import { EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK, UsageError, type Command, type CommandIo } from './command.js';

const dataOption = (column: number) =>
  `  ${'--data DIR'.padEnd(column)}Folder of the SQLite database (default: $PUSTAKA_DATA or ./data).`;

const subcommandUsage: Record<string, string> = {
  create: `pustaka keys create --kind site|kiosk|staff --library ID [options]

  Issues a credential and prints its key. A site key (pk_...) is public: it goes in a website's pages and
  writes only from the origins given. Kiosk (kt_...) and staff (sk_...) tokens are secret and printed this
  once only; the server keeps a hash.

  --kind KIND      site, kiosk or staff.
  --library ID     The library it acts for (ids: GET /v1/libraries).
  --network        Staff only, instead of --library: an admin token for every library of the network.
  --origin URL     Site keys, repeatable: a website allowed to write with the key, as scheme, host and port:
                   https://sman1-bontang.sch.id, https://*.example.sch.id (subdomains), http://localhost:*.
  --server-side    Site keys: also accept writes that carry no Origin (from a server, not a browser).
  --location ID    Kiosk tokens: where the kiosk stands (e.g. pintu-utama); recorded with every visit.
  --label TEXT     A note for people: who holds it, where it is used.
  --json           Print the result as JSON (with the key).
${dataOption(17)}`,
  list: `pustaka keys list [--library ID] [--kind KIND] [--all] [--json]

  Lists credentials, never their secrets: a site key shows whole (it is public), a token as kt_…wxyz.

  --library ID   Only this library's credentials.
  --kind KIND    Only site, kiosk or staff.
  --all          Revoked ones too.
  --json         As JSON.
${dataOption(15)}`,
  revoke: `pustaka keys revoke ID... | --demo

  Revokes credentials by id (key_...), at once: a running server refuses them from its next request.
  Revoking a revoked credential is not an error.

  --demo       Revoke every demo credential (before running in production).
${dataOption(13)}`,
  label: `pustaka keys label ID TEXT

  Sets a credential's label ("" removes it).

${dataOption(13)}`,
  audit: `pustaka keys audit [--id ID] [--limit N] [--json]

  The audit log of credentials, newest first: when each was created, relabelled and revoked, and by whom.

  --id ID      Only this credential's events.
  --limit N    At most N events (default 100).
  --json       As JSON.
${dataOption(13)}`,
};

const overview = `pustaka keys <create|list|revoke|label|audit> [options]

  create   Issue a site key, kiosk token or staff token.
  list     List credentials (never their secrets).
  revoke   Revoke credentials, at once.
  label    Change a credential's label.
  audit    Show who created, relabelled and revoked which credential, when.

  Run \`pustaka keys <subcommand> --help\` for its options.
  Exit codes: 0 done, 1 failed, 2 wrong usage (a missing or malformed option), 3 unknown library or id.`;

type Subcommand = (args: string[], io: CommandIo, stores: Stores) => Promise<number>;

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Issue, list and revoke site keys, kiosk tokens and staff tokens.',
  usage: overview,
  usageFor: (args) => subcommandUsage[args[0] ?? ''] ?? overview,
  async run(args, io) {
    const [name = '', ...rest] = args;
    const subcommand = subcommands[name];
    if (!subcommand) {
      throw new UsageError(
        name && !name.startsWith('-')
          ? `"${name}" is not a keys subcommand.`
          : 'Say what to do: create, list, revoke, label or audit.',
      );
    }
    const { values } = parseArgs({ args: rest, options: { data: { type: 'string' } }, strict: false });
    const dataDir = typeof values.data === 'string' ? values.data : (io.env.PUSTAKA_DATA ?? 'data');
    const file = databaseFile(dataDir);
    if (!existsSync(file)) {
      io.err(`pustaka keys: there is no database at ${file}; start the server or seed it first.`);
      return EXIT_FAILED;
    }
    const db = openDatabase(file);
    try {
      return await subcommand(rest, io, sqliteStores(db));
    } finally {
      db.close();
    }
  },
};

const subcommands: Record<string, Subcommand> = {
  async create(args, io, stores) {
    const { values } = parseArgs({
      args,
      options: {
        kind: { type: 'string' },
        library: { type: 'string' },
        network: { type: 'boolean', default: false },
        origin: { type: 'string', multiple: true },
        'server-side': { type: 'boolean', default: false },
        location: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'boolean', default: false },
        data: { type: 'string' },
      },
      strict: true,
    });
    if (!values.kind) throw new UsageError('Say which kind of credential: --kind site, kiosk or staff.');
    let issued;
    try {
      issued = await issueCredential(
        stores,
        {
          kind: values.kind as CredentialKind,
          libraryId: values.library,
          network: values.network,
          origins: values.origin,
          serverSide: values['server-side'],
          location: values.location,
          label: values.label,
        },
        actor(),
      );
    } catch (error) {
      if (!(error instanceof CredentialRequestError)) throw error;
      if (error.reason === 'invalid') throw new UsageError(error.message);
      io.err(`pustaka keys create: ${error.message}`);
      return EXIT_NOT_FOUND;
    }
    const { credential, key } = issued;
    if (values.json) {
      io.out(JSON.stringify({ ...toJson(credential), key }, null, 2));
      return EXIT_OK;
    }
    const library = credential.libraryId ? await stores.libraries.get(credential.libraryId) : undefined;
    const forWhom = library ? `${library.name} (${library.id})` : 'the whole network';
    const names = { site: 'site key', kiosk: 'kiosk token', staff: 'staff token' };
    io.out(`Created a ${names[credential.kind]} for ${forWhom}.`);
    io.out(`  id        ${credential.id}`);
    io.out(`  ${credential.kind === 'site' ? 'key  ' : 'token'}     ${key}`);
    if (credential.origins.length) io.out(`  origins   ${credential.origins.join(' ')}`);
    if (credential.serverSide) io.out('  also      server-side use (no Origin)');
    if (credential.location) io.out(`  location  ${credential.location}`);
    if (credential.label) io.out(`  label     ${credential.label}`);
    io.out(
      credential.kind === 'site'
        ? 'The key is public: it goes in the website, and writes only from the origins above.'
        : 'This is the only time the token is shown: store it now. Keep it secret; it is kept hashed.',
    );
    return EXIT_OK;
  },

  async list(args, io, stores) {
    const { values } = parseArgs({
      args,
      options: {
        library: { type: 'string' },
        kind: { type: 'string' },
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        data: { type: 'string' },
      },
      strict: true,
    });
    if (values.kind && !['site', 'kiosk', 'staff'].includes(values.kind)) {
      throw new UsageError(`--kind is site, kiosk or staff, not "${values.kind}".`);
    }
    const credentials = await stores.credentials.list({
      includeRevoked: values.all,
      libraryId: values.library,
      kind: values.kind as CredentialKind | undefined,
    });
    if (values.json) {
      io.out(JSON.stringify(credentials.map(toJson), null, 2));
      return EXIT_OK;
    }
    if (credentials.length === 0) {
      io.out('No credentials.');
      return EXIT_OK;
    }
    printTable(
      io,
      ['ID', 'KIND', 'LIBRARY', 'KEY', 'WHERE', 'LABEL', 'CREATED', 'STATUS'],
      credentials.map((credential) => [
        credential.id,
        credential.kind + (credential.demo ? ' (demo)' : ''),
        credential.libraryId ?? '(network)',
        credential.shownAs,
        credential.kind === 'site'
          ? [...credential.origins, ...(credential.serverSide ? ['(server-side)'] : [])].join(' ')
          : (credential.location ?? ''),
        credential.label ?? '',
        credential.createdAt.slice(0, 10),
        credential.revokedAt ? `revoked ${credential.revokedAt.slice(0, 10)}` : 'active',
      ]),
    );
    return EXIT_OK;
  },

  async revoke(args, io, stores) {
    const { values, positionals } = parseArgs({
      args,
      options: { demo: { type: 'boolean', default: false }, data: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.demo && positionals.length) throw new UsageError('Give ids or --demo, not both.');
    const ids = values.demo
      ? (await stores.credentials.activeDemoKeys()).map(({ credential }) => credential.id)
      : positionals;
    if (!values.demo && ids.length === 0)
      throw new UsageError('Say which credential to revoke: its id (key_...), from `pustaka keys list`.');
    if (values.demo && ids.length === 0) io.out('No active demo credential.');
    let code = EXIT_OK;
    for (const id of ids) {
      const before = await stores.credentials.get(id);
      if (!before) {
        io.err(`pustaka keys revoke: no credential has the id "${id}" (see pustaka keys list).`);
        code = EXIT_NOT_FOUND;
        continue;
      }
      if (before.revokedAt) {
        io.out(`${id} was already revoked (${before.revokedAt}).`);
        continue;
      }
      await stores.credentials.revoke(id, actor());
      io.out(`Revoked ${id} (${before.kind}, ${before.libraryId ?? 'network'}).`);
    }
    return code;
  },

  async label(args, io, stores) {
    const { positionals } = parseArgs({
      args,
      options: { data: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    const [id, text] = positionals;
    if (!id || text === undefined || positionals.length > 2)
      throw new UsageError('Give the id and the label: pustaka keys label key_... "Front desk kiosk".');
    const label = text.trim();
    if (label.length > 200 || /\p{Cc}/u.test(label))
      throw new UsageError('The label is up to 200 printable characters.');
    const credential = await stores.credentials.setLabel(id, label || null, actor());
    if (!credential) {
      io.err(`pustaka keys label: no credential has the id "${id}" (see pustaka keys list).`);
      return EXIT_NOT_FOUND;
    }
    io.out(label ? `${id} is now labelled "${label}".` : `${id} has no label now.`);
    return EXIT_OK;
  },

  async audit(args, io, stores) {
    const { values } = parseArgs({
      args,
      options: {
        id: { type: 'string' },
        limit: { type: 'string', default: '100' },
        json: { type: 'boolean', default: false },
        data: { type: 'string' },
      },
      strict: true,
    });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a whole number of at least 1, not "${values.limit}".`);
    const entries = await stores.credentials.audit.list({ limit, credentialId: values.id });
    if (values.json) {
      io.out(
        JSON.stringify(
          entries.map((entry) => ({
            at: entry.at,
            action: entry.action,
            credential_id: entry.credentialId,
            kind: entry.kind,
            library_id: entry.libraryId,
            label: entry.label,
            actor: entry.actor,
          })),
          null,
          2,
        ),
      );
      return EXIT_OK;
    }
    if (entries.length === 0) {
      io.out('No events.');
      return EXIT_OK;
    }
    printTable(
      io,
      ['AT', 'ACTION', 'ID', 'KIND', 'LIBRARY', 'LABEL', 'BY'],
      entries.map((entry) => [
        entry.at,
        entry.action,
        entry.credentialId,
        entry.kind,
        entry.libraryId ?? '(network)',
        entry.label ?? '',
        entry.actor,
      ]),
    );
    return EXIT_OK;
  },
};

/** Who is at the keyboard, for the audit log. */
function actor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

function toJson(credential: Credential) {
  return {
    id: credential.id,
    kind: credential.kind,
    library_id: credential.libraryId,
    ...(credential.kind === 'site'
      ? { key: credential.shownAs, origins: credential.origins, server_side: credential.serverSide }
      : { hint: credential.shownAs }),
    ...(credential.kind === 'kiosk' && { location: credential.location }),
    label: credential.label,
    demo: credential.demo,
    created_at: credential.createdAt,
    revoked_at: credential.revokedAt,
  };
}

function printTable(io: CommandIo, header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  for (const row of [header, ...rows])
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
}
