using Bot.Registry.Http;

namespace Bot.Registry.Manifests;

/// <summary>
/// The result of one manifest inspect: either the manifest or the failure, plus the request and
/// the salient answer for evidence. Expected failures are data here, never exceptions.
/// </summary>
public sealed record ManifestInspection(
    string Request, string Answer, ManifestDocument? Manifest, RegistryFailure? Failure)
{
    public static ManifestInspection Found(string request, string answer, ManifestDocument manifest) =>
        new(request, answer, manifest, null);

    public static ManifestInspection Failed(string request, RegistryFailure failure) =>
        new(request, failure.Answer, null, failure);
}
