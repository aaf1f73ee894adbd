namespace EdgeML.Runtime.Cpu;

/// <summary>
/// Intra-operator parallelism without allocation: a fixed set of worker threads, created with the
/// session, that run parts of one kernel's work alongside the calling thread. Work is a static
/// function pointer and a pointer to the caller's state (on its stack: the caller waits until every
/// part is done), so dispatching allocates nothing. Parts are claimed, not assigned: the caller
/// takes parts too and any a worker has not claimed yet, so a worker the OS has not scheduled (a
/// busy or oversubscribed machine) costs nothing but its share of the speed-up. Workers spin
/// briefly, then block. Parts must not throw (kernels check their inputs before they split the work).
/// </summary>
public sealed unsafe class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false, 2000);
    private delegate*<void*, int, int, void> _body;
    private void* _state;
    // One word read and claimed atomically: the generation of the current call (high 32 bits), its
    // part count (16 bits) and its next unclaimed part (low 16). A claim succeeds only while the call
    // it read the work from is still the current one.
    private long _claims;
    private int _completed;
    private volatile bool _stopping;

    /// <summary>A pool that runs work on <paramref name="threads"/> threads in all, the caller's included.</summary>
    public WorkerPool(int threads)
    {
        if (threads is < 1 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(threads), "between 1 and 65535 threads");
        Threads = threads;
        _threads = new Thread[threads - 1];
        _start = new ManualResetEventSlim[threads - 1];
        for (int i = 0; i < _threads.Length; i++)
        {
            _start[i] = new ManualResetEventSlim(false, 2000);
            int index = i;
            _threads[i] = new Thread(() => Work(index)) { IsBackground = true, Name = $"edgeml-worker-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Threads that run parts, the caller's included.</summary>
    public int Threads { get; }

    /// <summary>Runs <paramref name="body"/>(state, part, parts) for every part in [0, parts) and
    /// returns when all are done. parts is at most <see cref="Threads"/>; which thread runs a part is
    /// not fixed (per-thread scratch is fine, per-part assumptions about the thread are not).</summary>
    public void Run(int parts, delegate*<void*, int, int, void> body, void* state)
    {
        if (parts < 1) return;
        if (parts > Threads) throw new ArgumentOutOfRangeException(nameof(parts), $"at most {Threads} parts");
        if (parts == 1)
        {
            body(state, 0, 1);
            return;
        }
        // Every part of the previous call is claimed and done, so no thread reads these now.
        _body = body;
        _state = state;
        _completed = 0;
        _done.Reset();
        long generation = (Volatile.Read(ref _claims) >> 32) + 1;
        Interlocked.Exchange(ref _claims, generation << 32 | (long)parts << 16);
        for (int i = 0; i < parts - 1; i++) _start[i].Set();
        RunClaimedParts();
        // Only parts a worker has started remain; wait for them. A worker of an earlier call may still
        // set _done late, so the count decides, not the event.
        while (Volatile.Read(ref _completed) != parts)
        {
            _done.Wait();
            _done.Reset();
        }
    }

    /// <summary>Claims and runs parts of the current call until none are left.</summary>
    private void RunClaimedParts()
    {
        while (true)
        {
            long claims = Volatile.Read(ref _claims);
            var body = _body;
            var state = _state;
            int parts = (int)(claims >> 16 & 0xFFFF);
            int part = (int)(claims & 0xFFFF);
            if (part >= parts) return;
            // The claim fails when another thread took this part or a new call began since the read.
            if (Interlocked.CompareExchange(ref _claims, claims + 1, claims) != claims) continue;
            body(state, part, parts);
            if (Interlocked.Increment(ref _completed) == parts) _done.Set();
        }
    }

    private void Work(int index)
    {
        var start = _start[index];
        while (true)
        {
            // The next parallel operator of an inference usually follows within microseconds: stay hot
            // for a while (waking a blocked thread costs about as much as a small operator), then block.
            // SpinOnce yields now and then, so a worker the OS put on the caller's core gives it way.
            long deadline = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            var spin = new SpinWait();
            while (!HasUnclaimedParts() && !_stopping && System.Diagnostics.Stopwatch.GetTimestamp() < deadline) spin.SpinOnce(sleep1Threshold: -1);
            if (!HasUnclaimedParts()) start.Wait();
            start.Reset();
            if (_stopping) return;
            RunClaimedParts();
        }
    }

    /// <summary>How long an idle worker spins before it blocks: 100 µs.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 10_000;

    private bool HasUnclaimedParts()
    {
        long claims = Volatile.Read(ref _claims);
        return (claims & 0xFFFF) < (claims >> 16 & 0xFFFF);
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        foreach (var s in _start) s.Set();
        foreach (var t in _threads) t.Join();
        foreach (var s in _start) s.Dispose();
        _done.Dispose();
    }
}
