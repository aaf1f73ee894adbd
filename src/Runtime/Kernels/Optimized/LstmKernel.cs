using System.Runtime.CompilerServices;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Kernels.Blas;
using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Optimized;

/// <summary>
/// Fast float32 LSTM on the blocked SGEMM: per direction, X·Wᵀ + Wb + Rb for every time step in one
/// product, then per step Ht-1·Rᵀ added to it in another, and the gates elementwise with the
/// reference's activation functions (so any activations, peepholes, clip and input_forget). W and R
/// are packed once when constant. Sequence lengths and other element types run the reference kernel.
/// </summary>
internal sealed unsafe class LstmKernel : Kernel
{
    private readonly CpuVariant _variant;
    private readonly Kernel _reference;
    private readonly int _directions;
    private readonly bool _reverseOnly;
    private readonly long _hiddenSize;
    private readonly int _layout;
    private readonly float _clip;
    private readonly bool _inputForget;
    private readonly RecurrentActivation[] _activations;
    private readonly bool _constantW, _constantR;
    private readonly NativeBuffer _packedW = new(), _packedR = new(), _xw = new(), _gates = new(), _bias = new(), _state = new();
    private bool _packedWValid, _packedRValid;

    private LstmKernel(KernelInfo info, CpuVariant variant, Kernel reference)
    {
        _variant = variant;
        _reference = reference;
        var a = info.Attributes;
        string direction = a.GetString("direction", "forward");
        _directions = direction == "bidirectional" ? 2 : 1;
        _reverseOnly = direction == "reverse";
        _hiddenSize = a.GetInt("hidden_size", -1);
        _layout = (int)a.GetInt("layout", 0);
        _clip = a.Has("clip") ? a.GetFloat("clip", 0) : float.PositiveInfinity;
        _inputForget = a.GetInt("input_forget", 0) != 0;
        _activations = RecurrentActivation.Read(info, _directions, ["Sigmoid", "Tanh", "Tanh"]);
        _constantW = info.ConstantInput(1) != null;
        _constantR = info.ConstantInput(2) != null;
    }

    public static Kernel? Create(KernelInfo info, CpuVariant variant)
    {
        if (info.InputType(0) is not (DataType.Float or DataType.Undefined)) return null;
        var reference = Reference.LSTM.Create(info); // validates the attributes
        return new LstmKernel(info, variant, reference);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Execute(KernelContext context)
    {
        var x = context.Input(0);
        var w = context.Input(1);
        var r = context.Input(2);
        var b = context.OptionalInput(3);
        var lengths = context.OptionalInput(4);
        var h0 = context.OptionalInput(5);
        var c0 = context.OptionalInput(6);
        var p = context.OptionalInput(7);
        long hidden = _hiddenSize >= 0 ? _hiddenSize : r.Rank == 3 ? r.Dim(2) : -1;
        if (x.Type != DataType.Float || w.Type != DataType.Float || r.Type != DataType.Float || lengths != null
            || (b != null && b.Type != DataType.Float) || (h0 != null && h0.Type != DataType.Float) || (c0 != null && c0.Type != DataType.Float) || (p != null && p.Type != DataType.Float)
            || x.Rank != 3 || w.Rank != 3 || r.Rank != 3 || hidden <= 0)
        {
            _reference.Execute(context);
            return;
        }
        int seq = (int)(_layout == 0 ? x.Dim(0) : x.Dim(1)), batch = (int)(_layout == 0 ? x.Dim(1) : x.Dim(0)), input = (int)x.Dim(2), h = (int)hidden;
        int dirs = _directions, g4 = 4 * h;
        long stateLength = (long)dirs * batch * h;
        bool shapesOk = w.Dim(0) == dirs && w.Dim(1) == g4 && w.Dim(2) == input && r.Dim(0) == dirs && r.Dim(1) == g4 && r.Dim(2) == h
            && (b == null || b.Length == (long)dirs * 8 * h) && (p == null || p.Length == (long)dirs * 3 * h)
            && (h0 == null || h0.Length == stateLength) && (c0 == null || c0.Length == stateLength) && seq > 0 && batch > 0;
        if (!shapesOk)
        {
            _reference.Execute(context); // reports the error
            return;
        }
        // Outputs as the reference shapes them.
        Span<long> dims = stackalloc long[4];
        var y = context.OptionalOutput(0);
        if (y != null)
        {
            if (_layout == 0) { dims[0] = seq; dims[1] = dirs; dims[2] = batch; }
            else { dims[0] = batch; dims[1] = seq; dims[2] = dirs; }
            dims[3] = h;
            y.Allocate(DataType.Float, dims);
        }
        dims[0] = _layout == 0 ? dirs : batch;
        dims[1] = _layout == 0 ? batch : dirs;
        dims[2] = h;
        var yh = context.OptionalOutput(1);
        yh?.Allocate(DataType.Float, dims[..3]);
        var yc = context.OptionalOutput(2);
        yc?.Allocate(DataType.Float, dims[..3]);
        float* state = (float*)_state.Ensure(2 * stateLength * sizeof(float));
        float* hs = yh != null ? (float*)yh.Pointer : state;
        float* cs = yc != null ? (float*)yc.Pointer : state + stateLength;
        if (h0 != null) Buffer.MemoryCopy(h0.Pointer, hs, stateLength * 4, stateLength * 4);
        else new Span<float>(hs, (int)stateLength).Clear();
        if (c0 != null) Buffer.MemoryCopy(c0.Pointer, cs, stateLength * 4, stateLength * 4);
        else new Span<float>(cs, (int)stateLength).Clear();

        long wSize = PackedWeights.PackedBSize(input, g4), rSize = PackedWeights.PackedBSize(h, g4);
        if (!_packedWValid || !_constantW)
        {
            var dst = (float*)_packedW.Ensure(dirs * wSize * sizeof(float));
            for (int d = 0; d < dirs; d++)
                PackedWeights.PackB(new ReadOnlySpan<float>((float*)w.Pointer + (long)d * g4 * input, g4 * input), input, g4, transposed: true, new Span<float>(dst + d * wSize, (int)wSize));
            _packedWValid = true;
        }
        if (!_packedRValid || !_constantR)
        {
            var dst = (float*)_packedR.Ensure(dirs * rSize * sizeof(float));
            for (int d = 0; d < dirs; d++)
                PackedWeights.PackB(new ReadOnlySpan<float>((float*)r.Pointer + (long)d * g4 * h, g4 * h), h, g4, transposed: true, new Span<float>(dst + d * rSize, (int)rSize));
            _packedRValid = true;
        }
        int rows = seq * batch;
        float* xw = (float*)_xw.Ensure((long)rows * g4 * sizeof(float));
        float* gates = (float*)_gates.Ensure((long)batch * g4 * sizeof(float));
        float* bias = (float*)_bias.Ensure(g4 * sizeof(float));
        int stateStride = _layout == 0 ? h : dirs * h;
        for (int d = 0; d < dirs; d++)
        {
            var ep = SgemmEpilogue.Default;
            if (b != null)
            {
                float* bd = (float*)b.Pointer + (long)d * 8 * h;
                for (int j = 0; j < g4; j++) bias[j] = bd[j] + bd[g4 + j];
                ep.ColumnBias = bias;
            }
            // X·Wᵀ (+ biases) for every step at once, rows in X's order.
            Sgemm.Multiply(_variant, rows, g4, input, SgemmOperand.RowMajor((float*)x.Pointer, input), SgemmOperand.Packed((float*)_packedW.Pointer + d * wSize), xw, g4, ep);
            var f = _activations[3 * d];
            var gAct = _activations[3 * d + 1];
            var hAct = _activations[3 * d + 2];
            float* peep = p == null ? null : (float*)p.Pointer + (long)d * 3 * h;
            bool reverse = _reverseOnly || d == 1;
            float* hd = hs + (_layout == 0 ? (long)d * batch * h : (long)d * h);
            float* cd = cs + (_layout == 0 ? (long)d * batch * h : (long)d * h);
            for (int step = 0; step < seq; step++)
            {
                int t = reverse ? seq - 1 - step : step;
                var stepEp = SgemmEpilogue.Default;
                stepEp.Residual = xw + (long)(_layout == 0 ? t * batch : t) * g4;
                stepEp.ResidualRowStride = _layout == 0 ? g4 : (nint)seq * g4;
                Sgemm.Multiply(_variant, batch, g4, h, SgemmOperand.RowMajor(hd, stateStride), SgemmOperand.Packed((float*)_packedR.Pointer + d * rSize), gates, g4, stepEp);
                for (int bi = 0; bi < batch; bi++)
                {
                    float* gr = gates + (long)bi * g4;
                    float* ht = hd + (long)bi * stateStride;
                    float* ct = cd + (long)bi * stateStride;
                    for (int k = 0; k < h; k++)
                    {
                        float cPrev = ct[k];
                        float ig = gr[k];
                        if (peep != null) ig += peep[k] * cPrev;
                        ig = f.Apply(ClipValue(ig));
                        float fg;
                        if (_inputForget) fg = 1f - ig;
                        else
                        {
                            fg = gr[2 * h + k];
                            if (peep != null) fg += peep[2 * h + k] * cPrev;
                            fg = f.Apply(ClipValue(fg));
                        }
                        float cg = gAct.Apply(ClipValue(gr[3 * h + k]));
                        float cNew = fg * cPrev + ig * cg;
                        float og = gr[h + k];
                        if (peep != null) og += peep[h + k] * cNew;
                        og = f.Apply(ClipValue(og));
                        ct[k] = cNew;
                        ht[k] = og * hAct.Apply(cNew);
                    }
                    if (y != null)
                    {
                        long yRow = _layout == 0 ? ((long)(t * dirs + d) * batch + bi) * h : ((long)(bi * seq + t) * dirs + d) * h;
                        Buffer.MemoryCopy(ht, (float*)y.Pointer + yRow, h * 4, h * 4);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float ClipValue(float x) => float.IsPositiveInfinity(_clip) ? x : x < -_clip ? -_clip : x > _clip ? _clip : x;
}
