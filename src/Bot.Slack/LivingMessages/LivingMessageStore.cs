using System.Globalization;
using Bot.Slack.Storage;

namespace Bot.Slack.LivingMessages;

/// <summary>
/// The durable map from investigation to its Slack message, and which steps already have their
/// evidence in the thread, so that a restarted process edits the same message and posts no
/// evidence twice.
/// </summary>
public sealed class LivingMessageStore(SlackDatabase database, TimeProvider time)
{
    public async Task<LivingMessage?> FindAsync(string investigationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT channel, ts, revision FROM slack_living_messages WHERE investigation_id = $id";
        command.Parameters.AddWithValue("$id", investigationId);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LivingMessage(investigationId, reader.GetString(0), reader.GetString(1), reader.GetInt32(2))
            : null;
    }

    public async Task AddAsync(LivingMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slack_living_messages (investigation_id, channel, ts, revision, posted_at)
            VALUES ($id, $channel, $ts, $revision, $at)
            """;
        command.Parameters.AddWithValue("$id", message.InvestigationId);
        command.Parameters.AddWithValue("$channel", message.Channel);
        command.Parameters.AddWithValue("$ts", message.Ts);
        command.Parameters.AddWithValue("$revision", message.Revision);
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task SetRevisionAsync(string investigationId, int revision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE slack_living_messages SET revision = $revision WHERE investigation_id = $id";
        command.Parameters.AddWithValue("$id", investigationId);
        command.Parameters.AddWithValue("$revision", revision);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the mapping and the evidence record of an investigation whose message is gone.</summary>
    public async Task ForgetAsync(string investigationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM slack_living_messages WHERE investigation_id = $id;
            DELETE FROM slack_evidence_replies WHERE investigation_id = $id;
            """;
        command.Parameters.AddWithValue("$id", investigationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> StepsWithEvidenceAsync(
        string investigationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT step FROM slack_evidence_replies WHERE investigation_id = $id";
        command.Parameters.AddWithValue("$id", investigationId);

        var steps = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            steps.Add(reader.GetString(0));
        return steps;
    }

    /// <summary>The ts recorded for a step whose evidence Slack refused in every form: tried, not posted.</summary>
    public const string NoReply = "";

    public async Task AddEvidenceReplyAsync(
        string investigationId, string step, string ts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO slack_evidence_replies (investigation_id, step, ts) VALUES ($id, $step, $ts)
            """;
        command.Parameters.AddWithValue("$id", investigationId);
        command.Parameters.AddWithValue("$step", step);
        command.Parameters.AddWithValue("$ts", ts);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
