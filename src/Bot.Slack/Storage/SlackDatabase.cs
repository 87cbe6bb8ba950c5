using Microsoft.Data.Sqlite;

namespace Bot.Slack.Storage;

/// <summary>
/// The adapter's own tables in the bot's SQLite file (<c>Storage:SqlitePath</c>), all prefixed
/// <c>slack_</c> so they sit beside other stores' tables without clashing. The schema is created
/// on first use.
/// </summary>
public sealed class SlackDatabase : IDisposable
{
    private const string Schema = """
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
