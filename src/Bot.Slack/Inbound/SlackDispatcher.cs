using Bot.Slack.Events;
using Bot.Slack.Interactivity;
using Bot.Slack.SlashCommands;
using Microsoft.Extensions.Logging;

namespace Bot.Slack.Inbound;

/// <summary>
/// The one place both transports hand their payloads to. Commands are answered at once (the
/// answer is the ack); clicks and events are queued and the ack goes back empty. Handlers are
/// found by key — command name, <c>action_id</c>, event type — so a new command is a new class.
/// </summary>
public sealed class SlackDispatcher
{
    private readonly Dictionary<string, ISlashCommandHandler> _commands;
    private readonly Dictionary<string, IBlockActionHandler> _actions;
    private readonly Dictionary<string, ISlackEventHandler> _events;
    private readonly SlackWorkQueue _work;
    private readonly DeliveryDeduplicator _deliveries;
    private readonly SlackPrompts _prompts;
    private readonly ILogger<SlackDispatcher> _logger;

    public SlackDispatcher(
        IEnumerable<ISlashCommandHandler> commands,
        IEnumerable<IBlockActionHandler> actions,
        IEnumerable<ISlackEventHandler> events,
        SlackWorkQueue work,
        DeliveryDeduplicator deliveries,
        SlackPrompts prompts,
        ILogger<SlackDispatcher> logger)
    {
        // ToDictionary throws on a duplicate key: two handlers for one command is a wiring bug.
        _commands = commands.ToDictionary(h => h.Command, StringComparer.OrdinalIgnoreCase);
        _actions = actions.ToDictionary(h => h.ActionId, StringComparer.Ordinal);
        _events = events.ToDictionary(h => h.EventType, StringComparer.Ordinal);
        _work = work;
        _deliveries = deliveries;
        _prompts = prompts;
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

    /// <summary>Queues the handling of a click; returns at once so the caller can ack.</summary>
    public void DispatchInteraction(InteractionPayload payload, SlackTransport transport)
    {
        if (payload is not BlockActionsPayload actions)
        {
            SlackLog.NoHandler(_logger, "interaction", payload.GetType().Name);
            return;
        }

        foreach (var action in actions.Actions)
        {
            SlackLog.ActionReceived(_logger, action.ActionId, actions.User.Id, transport.ToString());
            if (!_actions.TryGetValue(action.ActionId, out var handler))
            {
                SlackLog.NoHandler(_logger, "action", action.ActionId);
                continue;
            }

            _work.TryEnqueue($"action {action.ActionId}", ct => handler.HandleAsync(actions, action, ct));
        }
    }

    /// <summary>Queues an event once per event id; a redelivery is acknowledged and dropped.</summary>
    public void DispatchEvent(EventCallback callback)
    {
        if (!_deliveries.TryFirstDelivery("event:" + callback.EventId))
        {
            SlackLog.DuplicateDelivery(_logger, callback.EventId);
            return;
        }

        if (!_events.TryGetValue(callback.Event.Type, out var handler))
        {
            SlackLog.NoHandler(_logger, "event", callback.Event.Type);
            return;
        }

        _work.TryEnqueue($"event {callback.Event.Type}", ct => handler.HandleAsync(callback, ct));
    }
}
