using System.Globalization;
using Bot.Core;
using Bot.Core.Diagnosis;
using Bot.Core.Investigations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Storage.Sqlite;

/// <summary>
/// Investigations in one SQLite file. Each save is one transaction: the investigation row and any
/// step records not yet written. Step records are never updated once written; a second, different
/// record for a step is refused with <see cref="StepRecordedTwiceException"/>.
/// </summary>
public sealed class SqliteInvestigationStore : IInvestigationStore, IDisposable
{
    private readonly string _connectionString;
    private readonly Lazy<Task> _schema;

    // SQLite takes one writer at a time and makes the others wait inside native code, each holding
    // a thread; a burst of saves (Slack commands acked after theirs) would starve the thread pool.
    // Queued here, the waiting saves hold no thread.
    private readonly SemaphoreSlim _writes = new(1, 1);

    public SqliteInvestigationStore(IOptions<StorageOptions> options)
    {
        var path = Path.GetFullPath(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true };
        _connectionString = builder.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    public async Task SaveAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            await SaveLockedAsync(snapshot, cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task<InvestigationSnapshot?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, input, state, clues, conclusion, created_at, updated_at
            FROM investigations WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;

        return await ReadSnapshotAsync(connection, reader, cancellationToken);
    }

    public async Task<IReadOnlyList<InvestigationSnapshot>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, input, state, clues, conclusion, created_at, updated_at FROM investigations
            WHERE state <> $concluded ORDER BY created_at, id
            """;
        command.Parameters.AddWithValue("$concluded", KebabCase.Of(InvestigationState.Concluded));

        var snapshots = new List<InvestigationSnapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            snapshots.Add(await ReadSnapshotAsync(connection, reader, cancellationToken));

        return snapshots;
    }

    /// <summary>How many investigations the file holds, finished or not; the refusal tests count on it.</summary>
    public async Task<int> CountInvestigationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM investigations";

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>How many step records exist for an investigation; the resume tests count on it.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountStepRecordsAsync(
        string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT step, COUNT(*) FROM step_records WHERE investigation_id = $id GROUP BY step";
        command.Parameters.AddWithValue("$id", id);

        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counts[reader.GetString(0)] = reader.GetInt32(1);

        return counts;
    }

    public void Dispose() => _writes.Dispose();

    private async Task SaveLockedAsync(InvestigationSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        await UpsertInvestigationAsync(connection, transaction, snapshot, cancellationToken);
        var written = await WrittenStepsAsync(connection, transaction, snapshot.Id, cancellationToken);
        foreach (var record in snapshot.Steps)
        {
            // Every save carries the records written before; those are skipped. A different record
            // for a step already written means the step ran twice: refused, and nothing of this save is kept.
            if (!written.TryGetValue(KebabCase.Of(record.Step), out var stored))
                await InsertStepAsync(connection, transaction, snapshot.Id, record, cancellationToken);
            else if (stored != Identity(record))
                throw new StepRecordedTwiceException(snapshot.Id, record.Step);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Schema.Create;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task UpsertInvestigationAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        InvestigationSnapshot snapshot,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO investigations (id, input, state, clues, conclusion, created_at, updated_at)
            VALUES ($id, $input, $state, $clues, $conclusion, $created, $updated)
            ON CONFLICT (id) DO UPDATE SET
                state = excluded.state, clues = excluded.clues,
                conclusion = excluded.conclusion, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$id", snapshot.Id);
        command.Parameters.AddWithValue("$input", snapshot.Input);
        command.Parameters.AddWithValue("$state", KebabCase.Of(snapshot.State));
        command.Parameters.AddWithValue("$clues", StoredJson.Write(snapshot.Clues));
        command.Parameters.AddWithValue(
            "$conclusion", snapshot.Conclusion is null ? DBNull.Value : StoredJson.Write(snapshot.Conclusion));
        command.Parameters.AddWithValue("$created", snapshot.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$updated", snapshot.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, StepIdentity>> WrittenStepsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT step, status, duration_ms, finished_at FROM step_records WHERE investigation_id = $id
            """;
        command.Parameters.AddWithValue("$id", id);

        var written = new Dictionary<string, StepIdentity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var identity = new StepIdentity(reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
            written[reader.GetString(0)] = identity;
        }

        return written;
    }

    private static StepIdentity Identity(StepRecord record) =>
        new(KebabCase.Of(record.Status), (long)record.Duration.TotalMilliseconds, FinishedAt(record));

    private static string FinishedAt(StepRecord record) =>
        record.FinishedAt.ToString("O", CultureInfo.InvariantCulture);

    private static async Task InsertStepAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string id,
        StepRecord record,
        CancellationToken cancellationToken)
    {
        // A plain INSERT: should a second record for the step slip past the check above (another
        // writer in between), the primary key refuses it loudly instead of dropping it.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO step_records (investigation_id, step, status, finding, evidence, duration_ms, finished_at)
            VALUES ($id, $step, $status, $finding, $evidence, $duration, $finished)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$step", KebabCase.Of(record.Step));
        command.Parameters.AddWithValue("$status", KebabCase.Of(record.Status));
        command.Parameters.AddWithValue("$finding", StoredJson.Write(record.Finding));
        command.Parameters.AddWithValue("$evidence", StoredJson.Write(record.Evidence));
        command.Parameters.AddWithValue("$duration", (long)record.Duration.TotalMilliseconds);
        command.Parameters.AddWithValue("$finished", FinishedAt(record));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<InvestigationSnapshot> ReadSnapshotAsync(
        SqliteConnection connection, SqliteDataReader row, CancellationToken cancellationToken)
    {
        var id = row.GetString(0);
        var steps = await ReadStepsAsync(connection, id, cancellationToken);
        return new InvestigationSnapshot(
            id,
            row.GetString(1),
            ParseKebab<InvestigationState>(row.GetString(2)),
            StoredJson.Read<Clues>(row.GetString(3)),
            steps,
            row.IsDBNull(4) ? null : StoredJson.Read<Conclusion>(row.GetString(4)),
            DateTimeOffset.Parse(row.GetString(5), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(row.GetString(6), CultureInfo.InvariantCulture));
    }

    private static async Task<List<StepRecord>> ReadStepsAsync(
        SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT step, status, finding, evidence, duration_ms, finished_at FROM step_records
            WHERE investigation_id = $id ORDER BY rowid
            """;
        command.Parameters.AddWithValue("$id", id);

        var steps = new List<StepRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new StepRecord(
                ParseKebab<StepName>(reader.GetString(0)),
                ParseKebab<StepStatus>(reader.GetString(1)),
                StoredJson.Read<Finding>(reader.GetString(2)),
                StoredJson.Read<List<Evidence>>(reader.GetString(3)),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture)));
        }

        return steps;
    }

    private static TEnum ParseKebab<TEnum>(string text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(value => KebabCase.Of(value) == text);
}
