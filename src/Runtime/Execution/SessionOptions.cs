namespace EdgeML.Runtime.Execution;

/// <summary>How a session runs.</summary>
public sealed class SessionOptions
{
    /// <summary>Threads one operator may use (1, the default: everything on the calling thread). With
    /// more, the session starts that many minus one worker threads and the large kernels (matrix
    /// products, convolutions) split their work across them.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
