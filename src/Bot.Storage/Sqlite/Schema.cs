namespace Bot.Storage.Sqlite;

/// <summary>
/// The tables. A step record's key is (investigation, step), so the database itself refuses a
/// second record for a step, whatever a resumed process does; the store inserts without
/// <c>ON CONFLICT</c>, so that refusal is an error, never a silent drop.
/// </summary>
internal static class Schema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS investigations (
            id          TEXT PRIMARY KEY,
            input       TEXT NOT NULL,
            state       TEXT NOT NULL,
            clues       TEXT NOT NULL,
            conclusion  TEXT NULL,
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS step_records (
            investigation_id TEXT NOT NULL REFERENCES investigations(id),
            step             TEXT NOT NULL,
            status           TEXT NOT NULL,
            finding          TEXT NOT NULL,
            evidence         TEXT NOT NULL,
            duration_ms      INTEGER NOT NULL,
            finished_at      TEXT NOT NULL,
            PRIMARY KEY (investigation_id, step)
        );
        CREATE INDEX IF NOT EXISTS investigations_by_state ON investigations(state, created_at);
        """;
}
