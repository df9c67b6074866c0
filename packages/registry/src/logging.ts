/** Structured JSON logs (pino). Never an ID number, phone number or name in clear: bodies are not logged. */
import pino from 'pino'

export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  // Asynchronous writes: a log line never holds up a response.
  return pino(
    {
    level,
    base: { service: 'ruhui-registry' },
      redact: { paths: ['*.authorization', '*.id_number', '*.mobile', 'applicant', '*.applicant'], censor: '[redacted]' },
    },
    pino.destination({ sync: false, minLength: 4096 }),
  )
}

export type Logger = ReturnType<typeof createLogger>
