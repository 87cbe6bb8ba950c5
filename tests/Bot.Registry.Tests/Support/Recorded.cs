namespace Bot.Registry.Tests.Support;

/// <summary>
/// Bodies and headers as distribution 2.8.2 answered them in the lab (tests/fixtures/logs/lab-registry-2.8.2).
/// </summary>
internal static class Recorded
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "logs", "lab-registry-2.8.2");

    public static byte[] Manifest(string name) => File.ReadAllBytes(Path.Combine(Folder, "manifests", name));

    public const string CacheIndexDigest = "sha256:3644c42575f9e043fcaa3bd5539f72f330b6bab8a71a36ffec093ef833158e60";
    public const string CacheImageManifestDigest =
        "sha256:08988124117c38c00be67fae5b180b2f0fd93defe714b66c232f473a7b23c88e";
    public const string CacheConfigDigest = "sha256:4919b9429ae3f3a35e0731f072a302b4da3042adae8bdb7542ac105799ad5241";

    public const string AcceptTrap =
        """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"OCI index found, but accept header does not support OCI indexes"}]}""";

    public const string ManifestUnknown =
        """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nosuchtag"}}]}""";

    public const string NameUnknown =
        """{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nosuchrepo"}}]}""";

    public const string EmptyManifestBlob =
        """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"Offset":0}}]}""";

    public const string StorageFull =
        """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"DriverName":"filesystem","Enclosed":{"Op":"write","Path":"/x/_uploads/5f/startedat","Err":28}}}]}""";

    public const string BlobUnknown =
        """{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:0000000000000000000000000000000000000000000000000000000000000000"}]}""";

    public const string ZeroByteLink = """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{}}]}""";

    public const string Unauthorized =
        """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Name":"app","Action":"pull"}]}]}""";

    public const string Denied =
        """{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}""";

    public const string TooManyRequests = """{"errors":[{"code":"TOOMANYREQUESTS","message":"too many requests"}]}""";
}
