/*
 * interp: a small stack-based bytecode interpreter running a Collatz program (the total number of
 * steps for every start value up to N). The host loop is a switch over opcodes with indirect
 * jumps, unpredictable branches and a memory-resident operand stack: the shape of every
 * interpreter, regex engine or protocol state machine.
 *
 * Usage: interp [N]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_N 200000

enum {
    OP_HALT, OP_PUSH, OP_LOAD, OP_STORE, OP_INC, OP_ADD, OP_MUL, OP_AND, OP_SHR,
    OP_EQ, OP_GT, OP_JMP, OP_JZ, OP_JNZ
};

static int32_t code[256];
static int32_t code_length;

static int32_t emit(int32_t op, int32_t arg) {
    code[code_length++] = op;
    code[code_length++] = arg;
    return code_length - 1; /* the position of arg, for patching jump targets */
}

static int64_t run(const int32_t *pc0, int64_t *locals) {
    int64_t stack[64];
    int64_t *sp = stack;
    const int32_t *pc = pc0;
    for (;;) {
        int32_t op = pc[0];
        int32_t arg = pc[1];
        pc += 2;
        switch (op) {
        case OP_HALT: return sp > stack ? sp[-1] : 0;
        case OP_PUSH: *sp++ = arg; break;
        case OP_LOAD: *sp++ = locals[arg]; break;
        case OP_STORE: locals[arg] = *--sp; break;
        case OP_INC: locals[arg]++; break;
        case OP_ADD: sp--; sp[-1] += sp[0]; break;
        case OP_MUL: sp--; sp[-1] *= sp[0]; break;
        case OP_AND: sp--; sp[-1] &= sp[0]; break;
        case OP_SHR: sp--; sp[-1] = (int64_t) ((uint64_t) sp[-1] >> sp[0]); break;
        case OP_EQ: sp--; sp[-1] = sp[-1] == sp[0]; break;
        case OP_GT: sp--; sp[-1] = sp[-1] > sp[0]; break;
        case OP_JMP: pc = pc0 + arg; break;
        case OP_JZ: if (*--sp == 0) pc = pc0 + arg; break;
        case OP_JNZ: if (*--sp != 0) pc = pc0 + arg; break;
        default: return -1;
        }
    }
}

int main(int argc, char **argv) {
    int64_t n = argc > 1 ? atoi(argv[1]) : DEFAULT_N;
    enum { I, X, STEPS, N };
    /* for (i = 1; i <= n; i++) for (x = i; x != 1; steps++) x = x & 1 ? 3 * x + 1 : x >> 1; */
    emit(OP_PUSH, 1); emit(OP_STORE, I);
    int32_t outer = code_length;
    emit(OP_LOAD, I); emit(OP_LOAD, N); emit(OP_GT, 0);
    int32_t to_end = emit(OP_JNZ, 0);
    emit(OP_LOAD, I); emit(OP_STORE, X);
    int32_t inner = code_length;
    emit(OP_LOAD, X); emit(OP_PUSH, 1); emit(OP_EQ, 0);
    int32_t to_next = emit(OP_JNZ, 0);
    emit(OP_LOAD, X); emit(OP_PUSH, 1); emit(OP_AND, 0);
    int32_t to_even = emit(OP_JZ, 0);
    emit(OP_LOAD, X); emit(OP_PUSH, 3); emit(OP_MUL, 0); emit(OP_PUSH, 1); emit(OP_ADD, 0);
    emit(OP_STORE, X);
    int32_t to_count = emit(OP_JMP, 0);
    code[to_even] = code_length;
    emit(OP_LOAD, X); emit(OP_PUSH, 1); emit(OP_SHR, 0); emit(OP_STORE, X);
    code[to_count] = code_length;
    emit(OP_INC, STEPS); emit(OP_JMP, inner);
    code[to_next] = code_length;
    emit(OP_INC, I); emit(OP_JMP, outer);
    code[to_end] = code_length;
    emit(OP_LOAD, STEPS); emit(OP_HALT, 0);

    int64_t locals[4] = {0, 0, 0, n};
    int64_t steps = run(code, locals);
    printf("interp n=%lld checksum=%lld\n", (long long) n, (long long) steps);
    return 0;
}
