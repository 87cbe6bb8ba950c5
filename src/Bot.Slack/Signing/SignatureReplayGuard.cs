using Bot.Slack.Inbound;

namespace Bot.Slack.Signing;

/// <summary>
/// A valid signature proves who signed the bytes, not that they were sent once: a captured click
/// replayed inside the five-minute window would otherwise count a second time. Slack signs every
/// delivery afresh (its retries too), so a signature seen twice is a replay. A signature can be
/// accepted for at most twice the window, which the deduplicator's memory covers.
/// </summary>
public sealed class SignatureReplayGuard(TimeProvider time)
{
    private readonly DeliveryDeduplicator _seen = new(time);

    /// <summary>True the first time a signature is presented; false for every repeat.</summary>
    public bool TryFirstUse(string signature) => _seen.TryFirstDelivery(signature.Trim());
}
