using Bot.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace Bot.Slack.Approvals;

/// <summary>
/// Who may ask for a fix: the user ids in <c>Slack:Approvers</c>, and the members of the
/// <c>Slack:ApproverGroup</c> usergroup, read with <c>usergroups.users.list</c> and trusted for
/// <see cref="SlackOptions.ApproverGroupCacheTime"/>. Decided on the user id only, never on names.
/// </summary>
public sealed class ApproverPolicy(SlackApiClient slack, IOptionsMonitor<SlackOptions> options, TimeProvider time)
    : IDisposable
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlySet<string> _groupMembers = new HashSet<string>();
    private DateTimeOffset _groupReadAt = DateTimeOffset.MinValue;

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
        if (time.GetUtcNow() - _groupReadAt < current.ApproverGroupCacheTime)
            return _groupMembers;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _groupReadAt >= current.ApproverGroupCacheTime)
            {
                var users = await slack.ListUsergroupUsersAsync(current.ApproverGroup, cancellationToken);
                _groupMembers = users.ToHashSet(StringComparer.Ordinal);
                _groupReadAt = time.GetUtcNow();
            }

            return _groupMembers;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
