// Regular expressions are the one ES2018 feature esbuild does not lower: `\p{Script=Han}` (core's
// name check) and the `s` flag stay, or become `new RegExp(…)` that throws on old phones. This
// rewrites them (regexpu-core, as Babel does) into ES2015 character classes with the same meaning.
import { parse } from 'acorn'
import { simple } from 'acorn-walk'
import rewritePattern from 'regexpu-core'

const OPTIONS = { unicodePropertyEscapes: 'transform', dotAllFlag: 'transform' }
const needs = (pattern, flags) => /\\[pP]\{/.test(pattern) || flags.includes('s')
const lower = (pattern, flags) => ({ pattern: rewritePattern(pattern, flags, OPTIONS), flags: flags.replace('s', '') })

/** @param {string} code a script (CommonJS) @returns {string} the same code with its regular expressions lowered to ES2017 */
export function lowerRegExps(code) {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' })
  const edits = []
  const constructed = (node) => {
    const [p, f] = node.arguments
    if (node.callee.type !== 'Identifier' || node.callee.name !== 'RegExp' || p?.type !== 'Literal' || typeof p.value !== 'string') return
    const flags = f === undefined ? '' : f.type === 'Literal' && typeof f.value === 'string' ? f.value : null
    if (flags === null || !needs(p.value, flags)) return
    const out = lower(p.value, flags)
    edits.push({ start: p.start, end: f ? f.end : p.end, text: `${JSON.stringify(out.pattern)}${f || out.flags ? `,${JSON.stringify(out.flags)}` : ''}` })
  }
  simple(ast, {
    Literal(node) {
      if (!node.regex || !needs(node.regex.pattern, node.regex.flags)) return
      const out = lower(node.regex.pattern, node.regex.flags)
      edits.push({ start: node.start, end: node.end, text: `/${out.pattern}/${out.flags}` })
    },
    NewExpression: constructed,
    CallExpression: constructed,
  })
  let result = code
  for (const e of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end)
  return result
}
