using System.Globalization;
using System.Threading.Channels;
using Bot.Core;
using Bot.Slack.Storage;
using Microsoft.Data.Sqlite;

namespace Bot.Slack.Clicks;

/// <summary>
/// Clicks kept in SQLite between their acknowledgement and their handling, so a click that was
/// acknowledged survives a crash or a restart. A click is stored in one statement before the ack;
/// <see cref="ClickInboxService"/> handles the pending ones oldest first and marks each finished.
/// </summary>
public sealed class ClickInbox(SlackDatabase database, TimeProvider time) : IDisposable
{
    /// <summary>More clicks waiting than this and the next one is turned away with a visible answer.</summary>
    public const int Capacity = 1000;

    /// <summary>A click whose handling failed this often is given up on (and logged).</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// How long after its n-th failure a click is tried again (n times this): long enough for a
    /// Slack hiccup to pass, short enough to answer well inside the 30 minutes of its response_url.
    /// </summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a click waits for this process's other inbox writes, then for another process's
    /// (or store's) write lock, before it is turned away: the ack has Slack's 3 s to go back in,
    /// and a write normally takes milliseconds.
    /// </summary>
    private static readonly TimeSpan AdmitQueueLimit = TimeSpan.FromSeconds(1.5);

    private const int AdmitLockTimeoutSeconds = 1;

    private readonly Channel<bool> _arrivals =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // SQLite takes one writer at a time and makes the others wait inside native code, each holding
    // a thread; under a burst of clicks that starves the thread pool and every ack with it. Queued
    // here, the waiting clicks hold no thread.
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>
    /// Stores the click unless it is a redelivery or the inbox is full; one statement, quick enough
    /// to run before the ack.
    /// </summary>
    public async Task<ClickAdmission> AdmitAsync(Click click, CancellationToken cancellationToken)
    {
        // Real time, like SQLite's lock timeout: the budget is about Slack's deadline, not the bot's clock.
        if (!await _writes.WaitAsync(AdmitQueueLimit, cancellationToken))
            return ClickAdmission.Busy;

        try
        {
            return await InsertLockedAsync(click, cancellationToken);
        }
        finally
        {
            _writes.Release();
        }
    }

    // States are stored in kebab case; the queries spell 'pending' out so SQLite uses the partial index.
    private async Task<ClickAdmission> InsertLockedAsync(Click click, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            // One statement, so the room check and the insert cannot be split by a concurrent click.
            insert.CommandText = """
                INSERT INTO slack_click_inbox (delivery_key, action_id, value, user_id, team_id, channel_id,
                    response_url, action_ts, received_at, state)
                SELECT $key, $action, $value, $user, $team, $channel, $url, $ts, $at, 'pending'
                WHERE (SELECT COUNT(*) FROM slack_click_inbox WHERE state = 'pending') < $capacity
                ON CONFLICT (delivery_key) DO NOTHING
                """;
            insert.CommandTimeout = AdmitLockTimeoutSeconds;
            insert.Parameters.AddWithValue("$key", click.DeliveryKey);
            insert.Parameters.AddWithValue("$action", click.ActionId);
            insert.Parameters.AddWithValue("$value", (object?)click.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$user", click.UserId);
            insert.Parameters.AddWithValue("$team", (object?)click.TeamId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$channel", (object?)click.ChannelId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$url", (object?)click.ResponseUrl ?? DBNull.Value);
            insert.Parameters.AddWithValue("$ts", (object?)click.ActionTs ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", Format(click.ReceivedAt));
            insert.Parameters.AddWithValue("$capacity", Capacity);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                _arrivals.Writer.TryWrite(true);
                return ClickAdmission.Admitted;
            }
        }

        // Nothing was inserted: either the click is known already or there was no room.
        await using var known = connection.CreateCommand();
        known.CommandText = "SELECT 1 FROM slack_click_inbox WHERE delivery_key = $key";
        known.Parameters.AddWithValue("$key", click.DeliveryKey);
        var isKnown = await known.ExecuteScalarAsync(cancellationToken) is not null;
        return isKnown ? ClickAdmission.Duplicate : ClickAdmission.Full;
    }

    /// <summary>The oldest pending clicks not waiting for a retry, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<PendingClick>> DueAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT seq, delivery_key, action_id, value, user_id, team_id, channel_id, response_url, action_ts,
                received_at, attempts
            FROM slack_click_inbox WHERE state = 'pending' AND (retry_at IS NULL OR retry_at <= $now)
            ORDER BY seq LIMIT $max
            """;
        select.Parameters.AddWithValue("$now", Format(time.GetUtcNow()));
        select.Parameters.AddWithValue("$max", max);

        var pending = new List<PendingClick>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            pending.Add(Read(reader));

        return pending;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM slack_click_inbox WHERE state = 'pending'";
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The state of a stored click, or null when there is none with that key.</summary>
    public async Task<ClickState?> FindStateAsync(string deliveryKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT state FROM slack_click_inbox WHERE delivery_key = $key";
        select.Parameters.AddWithValue("$key", deliveryKey);
        return await select.ExecuteScalarAsync(cancellationToken) is string state ? ParseState(state) : null;
    }

    /// <summary>Marks a pending click finished; it is never handled again.</summary>
    public Task FinishAsync(long seq, ClickState state, CancellationToken cancellationToken) =>
        WritingAsync(() => FinishLockedAsync(seq, state, cancellationToken), cancellationToken);

    private async Task<bool> FinishLockedAsync(long seq, ClickState state, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE slack_click_inbox SET state = $state, finished_at = $at WHERE seq = $seq AND state = 'pending'
            """;
        update.Parameters.AddWithValue("$state", KebabCase.Of(state));
        update.Parameters.AddWithValue("$at", Format(time.GetUtcNow()));
        update.Parameters.AddWithValue("$seq", seq);
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Counts a failed attempt and puts the click off for a while; true when that was the last
    /// attempt and the click is given up.
    /// </summary>
    public Task<bool> RecordFailureAsync(PendingClick pending, CancellationToken cancellationToken) =>
        WritingAsync(() => RecordFailureLockedAsync(pending, cancellationToken), cancellationToken);

    private async Task<bool> RecordFailureLockedAsync(PendingClick pending, CancellationToken cancellationToken)
    {
        var attempts = pending.Attempts + 1;
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE slack_click_inbox SET attempts = $attempts, retry_at = $retry,
                state = CASE WHEN $attempts >= $max THEN $failed ELSE state END,
                finished_at = CASE WHEN $attempts >= $max THEN $now ELSE finished_at END
            WHERE seq = $seq AND state = 'pending'
            RETURNING state
            """;
        update.Parameters.AddWithValue("$attempts", attempts);
        update.Parameters.AddWithValue("$retry", Format(now + (RetryDelay * attempts)));
        update.Parameters.AddWithValue("$max", MaxAttempts);
        update.Parameters.AddWithValue("$failed", KebabCase.Of(ClickState.Failed));
        update.Parameters.AddWithValue("$now", Format(now));
        update.Parameters.AddWithValue("$seq", pending.Seq);
        return await update.ExecuteScalarAsync(cancellationToken) is not string state || state != "pending";
    }

    /// <summary>
    /// Forgets finished clicks older than <paramref name="before"/>. They are kept a while so a late
    /// redelivery is still recognised.
    /// </summary>
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WritingAsync(() => PruneLockedAsync(before, cancellationToken), cancellationToken);

    private async Task<int> PruneLockedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM slack_click_inbox WHERE state <> 'pending' AND finished_at < $before";
        delete.Parameters.AddWithValue("$before", Format(before));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Waits until a click was admitted since the last wait, or <paramref name="limit"/> passes.</summary>
    public async Task WaitForArrivalAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _arrivals.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The limit passed without an arrival: look again anyway (a failed click may be due).
        }
    }

    public void Dispose() => _writes.Dispose();

    private async Task<T> WritingAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _writes.Release();
        }
    }

    private static PendingClick Read(SqliteDataReader reader)
    {
        string? Optional(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        var click = new Click(
            reader.GetString(1), reader.GetString(2), Optional(3), reader.GetString(4), Optional(5), Optional(6),
            Optional(7), Optional(8), DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture));
        return new PendingClick(reader.GetInt64(0), click, reader.GetInt32(10));
    }

    private static ClickState ParseState(string state) =>
        Enum.GetValues<ClickState>().First(s => KebabCase.Of(s) == state);

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
