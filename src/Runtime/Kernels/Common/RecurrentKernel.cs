using System.Numerics;
using System.Runtime.InteropServices;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Common;

/// <summary>Sizes of one run of a recurrent layer and the element offsets of its rows in either
/// layout (0: time-major [seq, batch, ...]; 1: batch-major [batch, seq, ...]).</summary>
public readonly record struct RecurrentShape(int Sequence, int Batch, int Input, int Hidden, int Directions, int Layout)
{
    /// <summary>Offset of X[t, b, :].</summary>
    public int XRow(int t, int b) => (Layout == 0 ? t * Batch + b : b * Sequence + t) * Input;

    /// <summary>Offset of Y[t, d, b, :] (layout 0) or Y[b, t, d, :] (layout 1).</summary>
    public int YRow(int t, int d, int b) => (Layout == 0 ? (t * Directions + d) * Batch + b : (b * Sequence + t) * Directions + d) * Hidden;

    /// <summary>Offset of the state row of direction d, batch b in initial_h, Y_h, initial_c, Y_c.</summary>
    public int StateRow(int d, int b) => (Layout == 0 ? d * Batch + b : b * Directions + d) * Hidden;
}

/// <summary>The operands of one run, as spans of the compute type. Omitted optional inputs are
/// empty spans. <see cref="H"/> and <see cref="C"/> hold the initial states on entry (zeros when
/// not given) and are updated in place to the final states; <see cref="Y"/> is empty when the
/// model does not use it, and zero-filled otherwise (padding past a sequence's length stays 0).</summary>
public readonly ref struct RecurrentData<T>
{
    public ReadOnlySpan<T> X { get; init; }
    public ReadOnlySpan<T> W { get; init; }
    public ReadOnlySpan<T> R { get; init; }
    public ReadOnlySpan<T> B { get; init; }
    public ReadOnlySpan<T> P { get; init; }
    public ReadOnlySpan<int> Lengths { get; init; }
    public Span<T> Y { get; init; }
    public Span<T> H { get; init; }
    public Span<T> C { get; init; }
}

/// <summary>
/// What RNN, GRU and LSTM share: the attributes (direction, hidden_size, layout, clip, activations),
/// the checks of the input shapes, the optional inputs and outputs, and the element types. float32
/// and float64 are computed in their own type; float16 and bfloat16 are widened to float32, computed,
/// and rounded back. Inputs: X, W, R, B, sequence_lens, initial_h, then (LSTM) initial_c and P.
/// Outputs: Y, Y_h, then (LSTM) Y_c. The subclass computes one run in <see cref="Compute{T}"/>.
/// </summary>
public abstract class RecurrentKernel : Kernel
{
    private const int InitialCInput = 6;
    private const int PeepholeInput = 7;
    private byte[][] _scratch = new byte[16][];

    protected RecurrentKernel(KernelInfo info, int gates, string[] defaultActivations, bool hasCellState)
    {
        Gates = gates;
        HasCellState = hasCellState;
        string direction = info.Attributes.GetString("direction", "forward");
        (Directions, ReverseOnly) = direction switch
        {
            "forward" => (1, false),
            "reverse" => (1, true),
            "bidirectional" => (2, false),
            _ => throw info.Error($"direction must be forward, reverse or bidirectional, not '{direction}'"),
        };
        HiddenSize = info.Attributes.GetInt("hidden_size", -1);
        Layout = (int)info.Attributes.GetInt("layout", 0);
        if (Layout is not (0 or 1)) throw info.Error($"layout must be 0 or 1, not {Layout}");
        Clip = info.Attributes.Has("clip") ? info.Attributes.GetFloat("clip", 0) : float.PositiveInfinity;
        if (!(Clip > 0)) throw info.Error($"clip must be positive, not {Clip}");
        Activations = RecurrentActivation.Read(info, Directions, defaultActivations);
        var type = info.InputType(0);
        if (type != DataType.Undefined && type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw info.Error($"element type {DataTypeInfo.Name(type)} is not supported (float, double, float16, bfloat16)");
    }

    /// <summary>Gates per direction: 1 (RNN), 3 (GRU), 4 (LSTM).</summary>
    protected int Gates { get; }
    protected bool HasCellState { get; }
    protected int Directions { get; }
    private bool ReverseOnly { get; }
    private long HiddenSize { get; }
    protected int Layout { get; }
    /// <summary>The clip threshold; +infinity when the layer does not clip.</summary>
    protected float Clip { get; }
    /// <summary>The activation functions, those of direction 0 first.</summary>
    protected RecurrentActivation[] Activations { get; }

    /// <summary>Whether direction <paramref name="d"/> runs from the end of each sequence to its start.</summary>
    protected bool IsReverse(int d) => ReverseOnly || d == 1;

    /// <summary>Computes one run on spans of T (float or double).</summary>
    protected abstract void Compute<T>(RecurrentShape shape, RecurrentData<T> data) where T : unmanaged, IFloatingPointIeee754<T>;

    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var r = context.Input(2);
        var b = context.OptionalInput(3);
        var lengths = context.OptionalInput(4);
        var h0 = context.OptionalInput(5);
        var c0 = HasCellState ? context.OptionalInput(InitialCInput) : null;
        var p = HasCellState ? context.OptionalInput(PeepholeInput) : null;
        var type = x.Type;
        if (type is not (DataType.Float or DataType.Double or DataType.Float16 or DataType.BFloat16))
            throw context.Error($"element type {DataTypeInfo.Name(type)} is not supported (float, double, float16, bfloat16)");
        CheckType(context, w, type, "W");
        CheckType(context, r, type, "R");
        var shape = ReadShape(context, x, w, r);
        int dirs = Directions, hidden = shape.Hidden, gates = Gates;
        CheckShape(context, b, type, "B", dirs, 2 * gates * hidden);
        CheckShape(context, p, type, "P", dirs, 3 * hidden);
        CheckState(context, h0, type, "initial_h", shape);
        CheckState(context, c0, type, "initial_c", shape);

        Span<long> dims = stackalloc long[4];
        var y = context.OptionalOutput(0);
        if (y != null)
        {
            if (Layout == 0) { dims[0] = shape.Sequence; dims[1] = dirs; dims[2] = shape.Batch; }
            else { dims[0] = shape.Batch; dims[1] = shape.Sequence; dims[2] = dirs; }
            dims[3] = hidden;
            y.Allocate(type, dims);
            y.Bytes.Clear();
        }
        StateDims(shape, dims);
        var yh = context.OptionalOutput(1);
        yh?.Allocate(type, dims[..3]);
        var yc = HasCellState ? context.OptionalOutput(2) : null;
        yc?.Allocate(type, dims[..3]);

        int stateLength = dirs * shape.Batch * hidden;
        var lens = Scratch<int>(0, shape.Batch);
        ReadLengths(context, lengths, shape, lens);

        switch (type)
        {
            case DataType.Float: RunDirect<float>(shape, x, w, r, b, p, h0, c0, lens, y, yh, yc, stateLength); break;
            case DataType.Double: RunDirect<double>(shape, x, w, r, b, p, h0, c0, lens, y, yh, yc, stateLength); break;
            default: RunWidened(shape, x, w, r, b, p, h0, c0, lens, y, yh, yc, stateLength); break;
        }
    }

    private void RunDirect<T>(RecurrentShape shape, Tensor x, Tensor w, Tensor r, Tensor? b, Tensor? p, Tensor? h0, Tensor? c0,
        ReadOnlySpan<int> lens, Tensor? y, Tensor? yh, Tensor? yc, int stateLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = yh != null ? yh.Span<T>() : Scratch<T>(1, stateLength);
        var c = !HasCellState ? Span<T>.Empty : yc != null ? yc.Span<T>() : Scratch<T>(2, stateLength);
        InitialState(h0 != null ? h0.ReadOnlySpan<T>() : default, h);
        if (HasCellState) InitialState(c0 != null ? c0.ReadOnlySpan<T>() : default, c);
        Compute(shape, new RecurrentData<T>
        {
            X = x.ReadOnlySpan<T>(),
            W = w.ReadOnlySpan<T>(),
            R = r.ReadOnlySpan<T>(),
            B = b != null ? b.ReadOnlySpan<T>() : default,
            P = p != null ? p.ReadOnlySpan<T>() : default,
            Lengths = lens,
            Y = y != null ? y.Span<T>() : default,
            H = h,
            C = c,
        });
        ClearEmptySequences(shape, lens, h);
        if (HasCellState) ClearEmptySequences(shape, lens, c);
    }

    /// <summary>float16 and bfloat16: every operand is widened into a float32 scratch buffer.</summary>
    private void RunWidened(RecurrentShape shape, Tensor x, Tensor w, Tensor r, Tensor? b, Tensor? p, Tensor? h0, Tensor? c0,
        ReadOnlySpan<int> lens, Tensor? y, Tensor? yh, Tensor? yc, int stateLength)
    {
        var h = Scratch<float>(1, stateLength);
        var c = HasCellState ? Scratch<float>(2, stateLength) : Span<float>.Empty;
        InitialState(h0 != null ? Widen(h0, 3) : default, h);
        if (HasCellState) InitialState(c0 != null ? Widen(c0, 4) : default, c);
        var yf = y != null ? Scratch<float>(5, (int)y.Length) : Span<float>.Empty;
        yf.Clear();
        Compute(shape, new RecurrentData<float>
        {
            X = Widen(x, 6),
            W = Widen(w, 7),
            R = Widen(r, 8),
            B = b != null ? Widen(b, 9) : default,
            P = p != null ? Widen(p, 10) : default,
            Lengths = lens,
            Y = yf,
            H = h,
            C = c,
        });
        ClearEmptySequences(shape, lens, h);
        if (HasCellState) ClearEmptySequences(shape, lens, c);
        if (y != null) Narrow(yf, y);
        if (yh != null) Narrow(h, yh);
        if (yc != null) Narrow(c, yc);
    }

    /// <summary>A batch entry whose sequence is empty has no last state: its Y_h (and Y_c) rows are
    /// 0, as in ONNX Runtime, rather than the initial state.</summary>
    private static void ClearEmptySequences<T>(RecurrentShape shape, ReadOnlySpan<int> lens, Span<T> state) where T : unmanaged
    {
        for (int b = 0; b < shape.Batch; b++)
        {
            if (lens[b] != 0) continue;
            for (int d = 0; d < shape.Directions; d++) state.Slice(shape.StateRow(d, b), shape.Hidden).Clear();
        }
    }

    private static void InitialState<T>(ReadOnlySpan<T> initial, Span<T> state) where T : unmanaged
    {
        if (initial.IsEmpty) state.Clear();
        else initial.CopyTo(state);
    }

    private ReadOnlySpan<float> Widen(Tensor t, int slot)
    {
        var dst = Scratch<float>(slot, (int)t.Length);
        if (t.Type == DataType.Float16)
        {
            var src = t.ReadOnlySpan<Half>();
            for (int i = 0; i < dst.Length; i++) dst[i] = (float)src[i];
        }
        else
        {
            var src = t.ReadOnlySpan<ushort>();
            for (int i = 0; i < dst.Length; i++) dst[i] = BFloat16.ToSingle(src[i]);
        }
        return dst;
    }

    private static void Narrow(ReadOnlySpan<float> src, Tensor t)
    {
        if (t.Type == DataType.Float16)
        {
            var dst = t.Span<Half>();
            for (int i = 0; i < dst.Length; i++) dst[i] = (Half)src[i];
        }
        else
        {
            var dst = t.Span<ushort>();
            for (int i = 0; i < dst.Length; i++) dst[i] = BFloat16.FromSingle(src[i]);
        }
    }

    /// <summary>A scratch buffer of the kernel, grown once and then reused. Slots 0-10 are used
    /// here; subclasses use 11 and up.</summary>
    protected Span<T> Scratch<T>(int slot, int length) where T : unmanaged
    {
        if (slot >= _scratch.Length) Array.Resize(ref _scratch, slot + 1);
        int bytes = length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        var buffer = _scratch[slot];
        if (buffer == null || buffer.Length < bytes) _scratch[slot] = buffer = new byte[Math.Max(bytes, 16)];
        return MemoryMarshal.Cast<byte, T>(buffer.AsSpan(0, bytes));
    }

    /// <summary>Adds the clip (when set) to a gate's pre-activation: min(max(x, -clip), clip).</summary>
    protected T ClipValue<T>(T x) where T : IFloatingPointIeee754<T>
    {
        if (float.IsPositiveInfinity(Clip)) return x;
        var c = T.CreateTruncating(Clip);
        return x < -c ? -c : x > c ? c : x;
    }

    /// <summary>Dot product of two equally long rows.</summary>
    protected static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b) where T : IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private RecurrentShape ReadShape(KernelContext context, Tensor x, Tensor w, Tensor r)
    {
        if (x.Rank != 3) throw context.Error($"X must have rank 3, not shape {Tensor.ShapeText(x.Shape)}");
        if (w.Rank != 3) throw context.Error($"W must have rank 3, not shape {Tensor.ShapeText(w.Shape)}");
        if (r.Rank != 3) throw context.Error($"R must have rank 3, not shape {Tensor.ShapeText(r.Shape)}");
        int seq = (int)(Layout == 0 ? x.Dim(0) : x.Dim(1));
        int batch = (int)(Layout == 0 ? x.Dim(1) : x.Dim(0));
        int input = (int)x.Dim(2);
        long hidden = HiddenSize >= 0 ? HiddenSize : r.Dim(2);
        if (r.Dim(2) != hidden) throw context.Error($"R has shape {Tensor.ShapeText(r.Shape)} but hidden_size is {hidden}");
        if (w.Dim(0) != Directions || w.Dim(1) != Gates * hidden || w.Dim(2) != input)
            throw context.Error($"W must have shape [{Directions},{Gates * hidden},{input}], not {Tensor.ShapeText(w.Shape)}");
        if (r.Dim(0) != Directions || r.Dim(1) != Gates * hidden)
            throw context.Error($"R must have shape [{Directions},{Gates * hidden},{hidden}], not {Tensor.ShapeText(r.Shape)}");
        return new RecurrentShape(seq, batch, input, (int)hidden, Directions, Layout);
    }

    private void StateDims(RecurrentShape shape, Span<long> dims)
    {
        dims[0] = Layout == 0 ? Directions : shape.Batch;
        dims[1] = Layout == 0 ? shape.Batch : Directions;
        dims[2] = shape.Hidden;
    }

    private static void CheckType(KernelContext context, Tensor t, DataType type, string name)
    {
        if (t.Type != type) throw context.Error($"{name} is {DataTypeInfo.Name(t.Type)} but X is {DataTypeInfo.Name(type)}");
    }

    private static void CheckShape(KernelContext context, Tensor? t, DataType type, string name, long d0, long d1)
    {
        if (t == null) return;
        CheckType(context, t, type, name);
        if (t.Rank != 2 || t.Dim(0) != d0 || t.Dim(1) != d1) throw context.Error($"{name} must have shape [{d0},{d1}], not {Tensor.ShapeText(t.Shape)}");
    }

    private void CheckState(KernelContext context, Tensor? t, DataType type, string name, RecurrentShape shape)
    {
        if (t == null) return;
        CheckType(context, t, type, name);
        Span<long> dims = stackalloc long[3];
        StateDims(shape, dims);
        if (!t.Shape.SequenceEqual(dims)) throw context.Error($"{name} must have shape {Tensor.ShapeText(dims)}, not {Tensor.ShapeText(t.Shape)}");
    }

    private static void ReadLengths(KernelContext context, Tensor? lengths, RecurrentShape shape, Span<int> lens)
    {
        if (lengths == null)
        {
            lens.Fill(shape.Sequence);
            return;
        }
        if (lengths.Rank != 1 || lengths.Dim(0) != shape.Batch)
            throw context.Error($"sequence_lens must have shape [{shape.Batch}], not {Tensor.ShapeText(lengths.Shape)}");
        for (int i = 0; i < lens.Length; i++)
        {
            long n = lengths.Type switch
            {
                DataType.Int32 => lengths.ReadOnlySpan<int>()[i],
                DataType.Int64 => lengths.ReadOnlySpan<long>()[i],
                _ => throw context.Error($"sequence_lens must be int32, not {DataTypeInfo.Name(lengths.Type)}"),
            };
            if (n < 0 || n > shape.Sequence) throw context.Error($"sequence_lens[{i}] is {n}, outside [0, {shape.Sequence}]");
            lens[i] = (int)n;
        }
    }
}
