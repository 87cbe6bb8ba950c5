using System.Net.WebSockets;
using Bot.Kubernetes.Api;
using k8s.Exceptions;

namespace Bot.Kubernetes.Tests.Parsing;

public sealed class ClusterErrorsTests
{
    [Fact]
    public void Classify_RefusedWebSocketUpgradeWithoutBody_FallsBackToTheAttemptedVerbAndResource()
    {
        var refused = new WebSocketException(
            "The server returned status code '403' when status code '101' was expected.");

        var problem = ClusterErrors.Classify(refused, "create", "pods/exec", "harbor-registry-0");

        Assert.Equal(ClusterProblemKinds.Forbidden, problem.Kind);
        Assert.Equal("create", problem.Verb);
        Assert.Equal("pods/exec", problem.Resource);
        Assert.Equal(["create", "get"], problem.VerbsNeeded);
    }

    /// <summary>A 403 Status body names the refused verb and resource; the attempted ones give way to it.</summary>
    [Theory]
    [InlineData(
        "storageclasses.storage.k8s.io \"standard\" is forbidden: User \"system:serviceaccount:harbor:triage-bot\" "
        + "cannot get resource \"storageclasses\" in API group \"storage.k8s.io\" at the cluster scope",
        "list", "something-else", "storageclasses")]
    [InlineData(
        "pods \"harbor-registry-0\" is forbidden: User \"system:serviceaccount:harbor:triage-bot\" "
        + "cannot get resource \"pods/exec\" in API group \"\" in the namespace \"harbor\"",
        "create", "pods/exec", "pods/exec")]
    public void Classify_ForbiddenStatusMessage_TakesTheRefusedVerbAndResourceFromTheApi(
        string message, string attemptedVerb, string attemptedResource, string refusedResource)
    {
        var status = new k8s.Models.V1Status { Code = 403, Message = message };

        var problem = ClusterErrors.Classify(
            new k8s.KubernetesException(status), attemptedVerb, attemptedResource, null);

        Assert.Equal(ClusterProblemKinds.Forbidden, problem.Kind);
        Assert.Equal("get", problem.Verb);
        Assert.Equal(refusedResource, problem.Resource);
        Assert.Empty(problem.VerbsNeeded);
    }

    [Fact]
    public void Classify_ExecFailureStatus_IsExecFailed()
    {
        var status = new k8s.Models.V1Status
        {
            Status = "Failure", Reason = "InternalError", Message = "container not running",
        };

        var problem = ClusterErrors.Classify(new k8s.KubernetesException(status), "create", "pods/exec", "p");

        Assert.Equal(ClusterProblemKinds.ExecFailed, problem.Kind);
        Assert.Equal("container not running", problem.Detail);
    }

    [Fact]
    public void Classify_MissingKubeconfig_IsNoConfig()
    {
        var problem = ClusterErrors.Classify(new KubeConfigException("no config"), "list", "pods", null);

        Assert.Equal(ClusterProblemKinds.NoConfig, problem.Kind);
    }
}
