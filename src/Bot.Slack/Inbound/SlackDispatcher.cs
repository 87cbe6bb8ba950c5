using Bot.Slack.Clicks;
using Bot.Slack.Events;
using Bot.Slack.Interactivity;
using Bot.Slack.SlashCommands;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Inbound;

/// <summary>
/// The one place both transports hand their payloads to. Commands are answered at once (the
/// answer is the ack); clicks are stored durably and events queued, and the ack goes back empty.
/// Handlers are found by key — command name, <c>action_id</c>, event type — so a new command is a
/// new class.
/// </summary>
public sealed class SlackDispatcher
{
    private readonly Dictionary<string, ISlashCommandHandler> _commands;
    private readonly Dictionary<string, IBlockActionHandler> _actions;
    private readonly Dictionary<string, ISlackEventHandler> _events;
    private readonly SlackWorkQueue _work;
    private readonly ClickInbox _clicks;
    private readonly PrivateResponder _responder;
    private readonly DeliveryDeduplicator _deliveries;
    private readonly SlackPrompts _prompts;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackDispatcher> _logger;

    public SlackDispatcher(
        IEnumerable<ISlashCommandHandler> commands,
        IEnumerable<IBlockActionHandler> actions,
        IEnumerable<ISlackEventHandler> events,
        SlackWorkQueue work,
        ClickInbox clicks,
        PrivateResponder responder,
        DeliveryDeduplicator deliveries,
        SlackPrompts prompts,
        TimeProvider time,
        ILogger<SlackDispatcher> logger)
    {
        // ToDictionary throws on a duplicate key: two handlers for one command is a wiring bug.
        _commands = commands.ToDictionary(h => h.Command, StringComparer.OrdinalIgnoreCase);
        _actions = actions.ToDictionary(h => h.ActionId, StringComparer.Ordinal);
        _events = events.ToDictionary(h => h.EventType, StringComparer.Ordinal);
        _work = work;
        _clicks = clicks;
        _responder = responder;
        _deliveries = deliveries;
        _prompts = prompts;
        _time = time;
        _logger = logger;
    }

    public async Task<SlackReply> DispatchCommandAsync(
        SlashCommand command, SlackTransport transport, CancellationToken cancellationToken)
    {
        SlackLog.CommandReceived(_logger, command.Command, command.UserId, command.ChannelId, transport.ToString());
        if (!_commands.TryGetValue(command.Command, out var handler))
        {
            SlackLog.NoHandler(_logger, "command", command.Command);
            return new SlackReply(_prompts.Render(SlackPrompts.UnknownCommand, ("command", command.Command)));
        }

        return await handler.HandleAsync(command, cancellationToken);
    }

    /// <summary>
    /// Stores each click in the <see cref="ClickInbox"/> before the caller acks, so an acknowledged
    /// click is handled even after a crash. A click the inbox cannot take is answered with a
    /// private "busy, try again" instead of vanishing.
    /// </summary>
    public async Task DispatchInteractionAsync(
        InteractionPayload payload, SlackTransport transport, CancellationToken cancellationToken)
    {
        if (payload is not BlockActionsPayload actions)
        {
            SlackLog.NoHandler(_logger, "interaction", payload.GetType().Name);
            return;
        }

        foreach (var action in actions.Actions)
        {
            SlackLog.ActionReceived(_logger, action.ActionId, actions.User.Id, transport.ToString());
            if (!_actions.ContainsKey(action.ActionId))
            {
                SlackLog.NoHandler(_logger, "action", action.ActionId);
                continue;
            }

            await AdmitAsync(Click.From(actions, action, _time.GetUtcNow()), cancellationToken);
        }
    }

    private async Task AdmitAsync(Click click, CancellationToken cancellationToken)
    {
        ClickAdmission admission;
        try
        {
            admission = await _clicks.AdmitAsync(click, cancellationToken);
        }
        catch (SqliteException ex)
        {
            // Locked past the ack's budget, or the disk is full: the click cannot be kept, so say so.
            SlackLog.ClickNotStored(_logger, ex, click.ActionId, click.UserId);
            TurnAway(click);
            return;
        }

        switch (admission)
        {
            case ClickAdmission.Duplicate:
                SlackLog.DuplicateDelivery(_logger, click.ActionTs ?? click.ActionId);
                break;
            case ClickAdmission.Full:
                SlackLog.ClickInboxFull(_logger, ClickInbox.Capacity, click.ActionId, click.UserId);
                TurnAway(click);
                break;
            case ClickAdmission.Busy:
                SlackLog.ClickStoreBusy(_logger, click.ActionId, click.UserId);
                TurnAway(click);
                break;
        }
    }

    /// <summary>
    /// Tells the clicker privately to try again. Not in the ack: Slack does not show a message put
    /// in the ack of a <c>block_actions</c> click (Bolt's ack for them takes none; only legacy
    /// attachment buttons' acks could carry one), so it goes to the click's <c>response_url</c>
    /// like every other answer to a click.
    /// </summary>
    private void TurnAway(Click click)
    {
        var busy = new SlackReply(_prompts.Render(SlackPrompts.ClickBusy));
        _work.TryEnqueue("busy answer", ct => _responder.ReplyAsync(click, busy, ct));
    }

    /// <summary>
    /// Queues an event once per event id; a redelivery is acknowledged and dropped. False when the
    /// event could not be queued: its id is forgotten and the caller must not acknowledge it, so
    /// Slack's retry is handled.
    /// </summary>
    public bool DispatchEvent(EventCallback callback)
    {
        var key = "event:" + callback.EventId;
        if (!_deliveries.TryFirstDelivery(key))
        {
            SlackLog.DuplicateDelivery(_logger, callback.EventId);
            return true;
        }

        if (!_events.TryGetValue(callback.Event.Type, out var handler))
        {
            SlackLog.NoHandler(_logger, "event", callback.Event.Type);
            return true;
        }

        if (_work.TryEnqueue($"event {callback.Event.Type}", ct => handler.HandleAsync(callback, ct)))
            return true;

        _deliveries.Forget(key);
        return false;
    }
}
