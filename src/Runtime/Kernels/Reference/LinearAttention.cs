using EdgeML.Runtime.Kernels.Common;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Runtime.Kernels.Reference;

/// <summary>
/// LinearAttention: the recurrent linear-attention family, run token by token. Per key/value head
/// the state S [d_k, d_v] (past_state, else zeros) is updated with the token's k and v:
/// linear S += k ⊗ v; gated S = exp(g) · S + k ⊗ v; delta S += β · k ⊗ (v − Sᵀk); gated_delta
/// S = exp(g) · S, then S += β · k ⊗ (v − Sᵀk). The decay g is per key dimension [B, T, H_kv · d_k]
/// or per head [B, T, H_kv]; β is per head [B, T, H_kv] or shared [B, T, 1]. Each query head
/// (q_num_heads a multiple of kv_num_heads) then reads o = scale · qᵀS from its key/value head's
/// state (scale defaults to 1 / sqrt(d_k)). present_state is the final state. Inputs are packed
/// [B, T, heads · size]; all computation is in float32.
/// </summary>
public sealed class LinearAttention : Kernel
{
    private enum Rule { Linear, Gated, Delta, GatedDelta }

    private readonly Rule _rule;
    private readonly int _qHeads, _kvHeads;
    private readonly float _scale;
    private readonly DataType _declaredStateType;
    private float[]? _q, _k, _v, _past, _state, _g, _beta, _y, _work;

    private LinearAttention(Rule rule, int qHeads, int kvHeads, float scale, DataType declaredStateType)
    {
        _declaredStateType = declaredStateType;
        _rule = rule;
        _qHeads = qHeads;
        _kvHeads = kvHeads;
        _scale = scale;
    }

    public static Kernel Create(KernelInfo info)
    {
        var a = info.Attributes;
        if (!a.Has("q_num_heads") || !a.Has("kv_num_heads")) throw info.Error("attributes q_num_heads and kv_num_heads are required");
        long qHeads = a.GetInt("q_num_heads", 0), kvHeads = a.GetInt("kv_num_heads", 0);
        if (kvHeads < 1 || qHeads < 1 || qHeads % kvHeads != 0) throw info.Error($"q_num_heads {qHeads} must be a positive multiple of kv_num_heads {kvHeads}");
        var rule = a.GetString("update_rule", "gated_delta") switch
        {
            "linear" => Rule.Linear,
            "gated" => Rule.Gated,
            "delta" => Rule.Delta,
            "gated_delta" => Rule.GatedDelta,
            var r => throw info.Error($"update_rule '{r}' must be linear, gated, delta or gated_delta"),
        };
        return new LinearAttention(rule, (int)qHeads, (int)kvHeads, a.GetFloat("scale", 0), info.OutputType(1));
    }

    public override void Execute(KernelContext context)
    {
        var q = context.Input(0);
        var k = context.Input(1);
        var v = context.Input(2);
        var past = context.OptionalInput(3);
        var decay = context.OptionalInput(4);
        var beta = context.OptionalInput(5);
        var y = context.Output(0);
        var present = context.OptionalOutput(1);
        if (q.Rank != 3 || k.Rank != 3 || v.Rank != 3) throw context.Error("query, key and value must be 3-D [B, T, heads · size]");
        int batch = (int)q.Dim(0), length = (int)q.Dim(1);
        if (k.Dim(0) != batch || v.Dim(0) != batch || k.Dim(1) != length || v.Dim(1) != length) throw context.Error("query, key and value must share batch and length");
        if (q.Dim(2) % _qHeads != 0 || k.Dim(2) % _kvHeads != 0 || v.Dim(2) % _kvHeads != 0) throw context.Error("hidden sizes must be multiples of the head counts");
        int dk = (int)(q.Dim(2) / _qHeads), dv = (int)(v.Dim(2) / _kvHeads);
        if (k.Dim(2) / _kvHeads != dk) throw context.Error("query and key head sizes differ");
        bool gated = _rule is Rule.Gated or Rule.GatedDelta, delta = _rule is Rule.Delta or Rule.GatedDelta;
        if (gated && decay == null) throw context.Error($"update rule {_rule} needs the decay input");
        if (delta && beta == null) throw context.Error($"update rule {_rule} needs the beta input");
        bool decayPerKey = false;
        if (gated)
        {
            if (decay!.Rank != 3 || decay.Dim(0) != batch || decay.Dim(1) != length) throw context.Error($"decay {Tensor.ShapeText(decay.Shape)} must be [{batch}, {length}, ...]");
            if (decay.Dim(2) == (long)_kvHeads * dk) decayPerKey = true;
            else if (decay.Dim(2) != _kvHeads) throw context.Error($"decay's last axis must be {_kvHeads * dk} or {_kvHeads}");
        }
        bool betaShared = false;
        if (delta)
        {
            if (beta!.Rank != 3 || beta.Dim(0) != batch || beta.Dim(1) != length) throw context.Error($"beta {Tensor.ShapeText(beta.Shape)} must be [{batch}, {length}, ...]");
            if (beta.Dim(2) == 1) betaShared = true;
            else if (beta.Dim(2) != _kvHeads) throw context.Error($"beta's last axis must be {_kvHeads} or 1");
        }
        long stateSize = (long)batch * _kvHeads * dk * dv;
        if (past != null && (past.Rank != 4 || past.Length != stateSize || past.Dim(2) != dk || past.Dim(3) != dv))
            throw context.Error($"past_state {Tensor.ShapeText(past.Shape)} must be [{batch}, {_kvHeads}, {dk}, {dv}]");
        // The state, in float32 scratch, starts from past_state or zeros.
        var state = FloatStaging.Scratch(ref _state, stateSize);
        if (past == null) state.Clear();
        else FloatStaging.Widen(past, ref _past).CopyTo(state);
        var qs = FloatStaging.Widen(q, ref _q);
        var ks = FloatStaging.Widen(k, ref _k);
        var vs = FloatStaging.Widen(v, ref _v);
        var gs = gated ? FloatStaging.Widen(decay!, ref _g) : default;
        var bs = delta ? FloatStaging.Widen(beta!, ref _beta) : default;
        Span<long> yShape = [batch, length, (long)_qHeads * dv];
        y.Allocate(q.Type, yShape);
        var ys = FloatStaging.Output(y, ref _y);
        float scale = _scale != 0 ? _scale : 1f / MathF.Sqrt(dk);
        int group = _qHeads / _kvHeads;
        var work = FloatStaging.Scratch(ref _work, dv);
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < length; t++)
            {
                int token = b * length + t;
                for (int h = 0; h < _kvHeads; h++)
                {
                    var s = state.Slice((b * _kvHeads + h) * dk * dv, dk * dv);
                    var kt = ks.Slice(token * _kvHeads * dk + h * dk, dk);
                    var vt = vs.Slice(token * _kvHeads * dv + h * dv, dv);
                    if (gated)
                    {
                        for (int i = 0; i < dk; i++)
                        {
                            float factor = MathF.Exp(decayPerKey ? gs[token * _kvHeads * dk + h * dk + i] : gs[token * _kvHeads + h]);
                            var row = s.Slice(i * dv, dv);
                            for (int j = 0; j < dv; j++) row[j] *= factor;
                        }
                    }
                    if (delta)
                    {
                        // work = β (v − Sᵀk), then S += k ⊗ work.
                        float rate = betaShared ? bs[token] : bs[token * _kvHeads + h];
                        for (int j = 0; j < dv; j++)
                        {
                            float recalled = 0;
                            for (int i = 0; i < dk; i++) recalled += s[i * dv + j] * kt[i];
                            work[j] = rate * (vt[j] - recalled);
                        }
                        for (int i = 0; i < dk; i++)
                            for (int j = 0; j < dv; j++) s[i * dv + j] += kt[i] * work[j];
                    }
                    else
                    {
                        for (int i = 0; i < dk; i++)
                            for (int j = 0; j < dv; j++) s[i * dv + j] += kt[i] * vt[j];
                    }
                    for (int g = 0; g < group; g++)
                    {
                        int qh = h * group + g;
                        var qt = qs.Slice(token * _qHeads * dk + qh * dk, dk);
                        var o = ys.Slice(token * _qHeads * dv + qh * dv, dv);
                        o.Clear();
                        for (int i = 0; i < dk; i++)
                        {
                            float qi = qt[i] * scale;
                            for (int j = 0; j < dv; j++) o[j] += qi * s[i * dv + j];
                        }
                    }
                }
            }
        }
        FloatStaging.Complete(y, ys);
        if (present != null)
        {
            Span<long> stateShape = [batch, _kvHeads, dk, dv];
            present.Allocate(past?.Type ?? StateType(q.Type), stateShape);
            FloatStaging.Narrow(state, present);
        }
    }

    /// <summary>present_state without past_state: the model's declared type, else the input type.</summary>
    private DataType StateType(DataType fallback)
        => _declaredStateType is DataType.Float or DataType.Float16 or DataType.BFloat16 ? _declaredStateType : fallback;
}
