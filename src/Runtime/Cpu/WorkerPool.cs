namespace EdgeML.Runtime.Cpu;

/// <summary>
/// Intra-operator parallelism without allocation: a fixed set of worker threads, created with the
/// session, that run parts of one kernel's work alongside the calling thread. Work is a static
/// function pointer and a pointer to the caller's state (on its stack: the caller waits until every
/// part is done), so dispatching allocates nothing. Workers spin briefly, then block. Parts must not
/// throw (kernels check their inputs before they split the work).
/// </summary>
public sealed unsafe class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false, 2000);
    private delegate*<void*, int, int, void> _body;
    private void* _state;
    private int _parts;
    private int _remaining;
    private volatile bool _stopping;

    /// <summary>A pool that runs work on <paramref name="threads"/> threads in all, the caller's included.</summary>
    public WorkerPool(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), "at least one thread");
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
    /// returns when all are done; part 0 runs on the calling thread. parts is at most <see cref="Threads"/>.</summary>
    public void Run(int parts, delegate*<void*, int, int, void> body, void* state)
    {
        if (parts < 1) return;
        if (parts > Threads) throw new ArgumentOutOfRangeException(nameof(parts), $"at most {Threads} parts");
        if (parts == 1)
        {
            body(state, 0, 1);
            return;
        }
        _body = body;
        _state = state;
        _parts = parts;
        _remaining = parts - 1;
        _done.Reset();
        for (int i = 0; i < parts - 1; i++) _start[i].Set();
        body(state, 0, parts);
        _done.Wait();
    }

    private void Work(int index)
    {
        var start = _start[index];
        while (true)
        {
            start.Wait();
            start.Reset();
            if (_stopping) return;
            _body(_state, index + 1, _parts);
            if (Interlocked.Decrement(ref _remaining) == 0) _done.Set();
        }
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
