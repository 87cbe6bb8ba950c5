using Microsoft.Data.Sqlite;

namespace Bot.Slack.Storage;

/// <summary>
/// The adapter's own tables in the bot's SQLite file (<c>Storage:SqlitePath</c>), all prefixed
/// <c>slack_</c> so they sit beside other stores' tables without clashing. The schema is created
/// on first use.
/// </summary>
public sealed class SlackDatabase : IDisposable
{
    // WAL lets the click inbox take a write while the worker reads it (the investigation store
    // turns it on for the shared file too; on a file already in WAL this is a no-op).
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS slack_living_messages (
            investigation_id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            ts TEXT NOT NULL,
            revision INTEGER NOT NULL,
            posted_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS slack_evidence_replies (
            investigation_id TEXT NOT NULL,
            step TEXT NOT NULL,
            ts TEXT NOT NULL,
            PRIMARY KEY (investigation_id, step));
        CREATE TABLE IF NOT EXISTS slack_fix_requests (
            investigation_id TEXT NOT NULL,
            fix_kind TEXT NOT NULL,
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            PRIMARY KEY (investigation_id, fix_kind));
        CREATE TABLE IF NOT EXISTS slack_click_inbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            delivery_key TEXT NOT NULL UNIQUE,
            action_id TEXT NOT NULL,
            value TEXT NULL,
            user_id TEXT NOT NULL,
            team_id TEXT NULL,
            channel_id TEXT NULL,
            response_url TEXT NULL,
            action_ts TEXT NULL,
            received_at TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            retry_at TEXT NULL,
            finished_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS slack_click_inbox_pending ON slack_click_inbox (seq) WHERE state = 'pending';
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private bool _schemaReady;

    public SlackDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Other stores write the same file; wait for their transactions instead of failing.
            DefaultTimeout = 10,
        }.ToString();
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_schemaReady)
            await EnsureSchemaAsync(connection, cancellationToken);
        return connection;
    }

    public void Dispose() => _schemaGate.Dispose();

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
                return;

            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
