namespace EdgeML.Runtime.Execution;

/// <summary>How a session runs.</summary>
public sealed class SessionOptions
{
    /// <summary>Threads one operator may use (1, the default: everything on the calling thread). With
    /// more, the session starts that many minus one worker threads and the large kernels (matrix
    /// products, convolutions) split their work across them.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The most bytes one value may take (0, the default: no limit). A model whose shapes
    /// would need more (a bad --dim, a corrupt or hostile file) then fails with a clear error instead
    /// of exhausting the device's memory.</summary>
    public long MaxTensorBytes { get; init; }
}
