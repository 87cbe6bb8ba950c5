using System.Globalization;
using Bot.Slack.Storage;

namespace Bot.Slack.Approvals;

/// <summary>
/// Records fix requests durably, once per investigation and fix kind, so a double click or a
/// redelivered click does not ask twice. The fix runner (a later issue) will read them from here.
/// </summary>
public sealed class FixRequestStore(SlackDatabase database, TimeProvider time)
{
    /// <summary>Records the request unless one exists; returns the request that stands and whether it is new.</summary>
    public async Task<(FixRequest Request, bool IsNew)> RecordAsync(
        string investigationId, string fixKind, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT OR IGNORE INTO slack_fix_requests (investigation_id, fix_kind, requested_by, requested_at)
                VALUES ($id, $kind, $user, $at)
                """;
            insert.Parameters.AddWithValue("$id", investigationId);
            insert.Parameters.AddWithValue("$kind", fixKind);
            insert.Parameters.AddWithValue("$user", userId);
            insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            var inserted = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
            if (inserted)
                return (new FixRequest(investigationId, fixKind, userId, time.GetUtcNow()), true);
        }

        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT requested_by, requested_at FROM slack_fix_requests WHERE investigation_id = $id AND fix_kind = $kind
            """;
        select.Parameters.AddWithValue("$id", investigationId);
        select.Parameters.AddWithValue("$kind", fixKind);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return (new FixRequest(investigationId, fixKind, reader.GetString(0), at), false);
    }

    public async Task<IReadOnlyList<FixRequest>> ListAsync(string investigationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT fix_kind, requested_by, requested_at FROM slack_fix_requests
            WHERE investigation_id = $id ORDER BY fix_kind
            """;
        select.Parameters.AddWithValue("$id", investigationId);

        var requests = new List<FixRequest>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(new FixRequest(investigationId, reader.GetString(0), reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture)));
        }

        return requests;
    }
}
