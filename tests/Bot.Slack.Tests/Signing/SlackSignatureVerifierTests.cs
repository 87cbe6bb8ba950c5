using System.Text;
using System.Text.Json.Nodes;
using Bot.Slack.Signing;
using Bot.Slack.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Slack.Tests.Signing;

public sealed class SlackSignatureVerifierTests
{
    private static readonly JsonNode Vector = Fixture.Json("signing/signature-vector.slack-docs.json");
    private static readonly string VectorSecret = Vector["signing_secret"]!.GetValue<string>();
    private static readonly string VectorTimestamp =
        Vector["headers"]!["X-Slack-Request-Timestamp"]!.GetValue<string>();
    private static readonly string VectorSignature = Vector["expected_signature"]!.GetValue<string>();
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes(Vector["body"]!.GetValue<string>());

    [Fact]
    public void Verify_SlackDocsVectorAtItsTimestamp_IsValid()
    {
        var verifier = CreateSut(clockSeconds: 1531420618);

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Sign_SlackDocsVector_MatchesExpectedSignature()
    {
        var signature = SlackSignatureVerifier.Sign(VectorSecret, VectorTimestamp, VectorBody);

        Assert.Equal(VectorSignature, signature);
        Assert.Equal(Vector["headers"]!["X-Slack-Signature"]!.GetValue<string>(), signature);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_ClockMoreThanFiveMinutesAway_IsOutsideWindow(int offsetSeconds)
    {
        var verifier = CreateSut(clockSeconds: 1531420618 + offsetSeconds);

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.OutsideWindow, verdict);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_ClockExactlyFiveMinutesAway_IsValid(int offsetSeconds)
    {
        var verifier = CreateSut(clockSeconds: 1531420618 + offsetSeconds);

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Verify_OneBodyByteChanged_IsMismatch()
    {
        var verifier = CreateSut(clockSeconds: 1531420618);
        var body = (byte[])VectorBody.Clone();
        body[^1] ^= 0x01;

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, body);

        Assert.Equal(SignatureVerdict.Mismatch, verdict);
    }

    [Theory]
    [InlineData(null, "sig")]
    [InlineData("", "sig")]
    [InlineData("   ", "sig")]
    [InlineData("ts", null)]
    [InlineData("ts", "")]
    [InlineData("ts", " ")]
    public void Verify_HeaderMissingOrBlank_IsMissingHeader(string? timestamp, string? signature)
    {
        var verifier = CreateSut(clockSeconds: 1531420618);

        var verdict = verifier.Verify(
            timestamp == "ts" ? VectorTimestamp : timestamp,
            signature == "sig" ? VectorSignature : signature,
            VectorBody);

        Assert.Equal(SignatureVerdict.MissingHeader, verdict);
    }

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("abc")]
    public void Verify_TimestampNotAnInteger_IsMalformed(string timestamp)
    {
        var verifier = CreateSut(clockSeconds: 1531420618);

        var verdict = verifier.Verify(timestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.MalformedTimestamp, verdict);
    }

    [Fact]
    public void Verify_SignedWithPreviousSecretDuringRotation_IsValid()
    {
        var verifier = CreateSut(clockSeconds: 1531420618, secret: "new-secret", previous: VectorSecret);

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsMismatch()
    {
        var verifier = CreateSut(clockSeconds: 1531420618, secret: "new-secret", previous: "");

        var verdict = verifier.Verify(VectorTimestamp, VectorSignature, VectorBody);

        Assert.Equal(SignatureVerdict.Mismatch, verdict);
    }

    [Fact]
    public void Verify_UpperCaseHexSignature_IsMismatch()
    {
        var verifier = CreateSut(clockSeconds: 1531420618);

        var verdict = verifier.Verify(VectorTimestamp, "v0=" + VectorSignature[3..].ToUpperInvariant(), VectorBody);

        Assert.Equal(SignatureVerdict.Mismatch, verdict);
    }

    private static SlackSignatureVerifier CreateSut(long clockSeconds, string? secret = null, string previous = "")
    {
        var options = new SlackOptions { SigningSecret = secret ?? VectorSecret, PreviousSigningSecret = previous };
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(clockSeconds));
        return new SlackSignatureVerifier(new Options<SlackOptions>(options), time);
    }
}
