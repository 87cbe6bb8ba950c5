using Bot.Slack.WebApi;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Approvals;

/// <summary>
/// Who may ask for a fix: the user ids in <c>Slack:Approvers</c>, and the members of the
/// <c>Slack:ApproverGroup</c> usergroup, read with <c>usergroups.users.list</c> and trusted for
/// <see cref="SlackOptions.ApproverGroupCacheTime"/>. Decided on the user id only, never on names.
/// </summary>
public sealed class ApproverPolicy(
    SlackApiClient slack, IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<ApproverPolicy> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);

    // One reference, swapped whole, so a reader never sees members and time from different reads.
    private GroupRead? _group;

    public async Task<bool> IsApproverAsync(string userId, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(userId))
            return false;
        if (current.Approvers.Contains(userId, StringComparer.Ordinal))
            return true;
        if (string.IsNullOrWhiteSpace(current.ApproverGroup))
            return false;

        var members = await GroupMembersAsync(current, cancellationToken);
        return members.Contains(userId);
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<IReadOnlySet<string>> GroupMembersAsync(
        SlackOptions current, CancellationToken cancellationToken)
    {
        if (IsFresh(Volatile.Read(ref _group), current) is { } fresh)
            return fresh.Members;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (IsFresh(_group, current) is { } readMeanwhile)
                return readMeanwhile.Members;

            var users = await slack.ListUsergroupUsersAsync(current.ApproverGroup, cancellationToken);
            var read = new GroupRead(current.ApproverGroup, users.ToHashSet(StringComparer.Ordinal), time.GetUtcNow());
            Volatile.Write(ref _group, read);
            return read.Members;
        }
        catch (SlackApiException ex) when (_group is { } stale && stale.Group == current.ApproverGroup)
        {
            // Slack is briefly unavailable: the last known members are a better answer than none.
            SlackLog.ApproverGroupStale(logger, current.ApproverGroup, ex.Error);
            return stale.Members;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private GroupRead? IsFresh(GroupRead? read, SlackOptions current) =>
        read is not null && read.Group == current.ApproverGroup &&
        time.GetUtcNow() - read.ReadAt < current.ApproverGroupCacheTime
            ? read
            : null;

    private sealed record GroupRead(string Group, IReadOnlySet<string> Members, DateTimeOffset ReadAt);
}
