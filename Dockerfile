# briefbot as a service: `briefbot run` as a non-root user, the store under /data,
# the config mountable at /app/config.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    BRIEFBOT_CONFIG=/app/config/briefbot.toml \
    BRIEFBOT_DATABASE_URL=sqlite:////data/briefbot.db \
    BRIEFBOT_HTTP_HOST=0.0.0.0 \
    BRIEFBOT_HTTP_PORT=3000

WORKDIR /app
COPY pyproject.toml README.md ./
COPY briefings ./briefings
COPY bot ./bot
# var/ (the default store and the Matrix sync state) lives on the /data volume.
RUN pip install . && useradd --system --uid 10001 --home-dir /data briefbot \
    && mkdir -p /data && chown briefbot /data && ln -s /data /app/var
COPY config ./config
COPY seeds ./seeds

USER briefbot
VOLUME ["/data"]
EXPOSE 3000
# Seeds are ingested on start (idempotent; a missing seed folder must not stop the bot),
# then the bot runs in the shell's place. The shell is PID 1 until then, and PID 1 ignores
# a signal it has no handler for: the trap, with the ingest waited for in the background,
# lets `docker stop` end it at once (an ingest cut short is derived at the next start).
# In Slack HTTP mode GET /healthz answers on port 3000.
CMD ["sh", "-c", "trap 'exit 143' TERM INT; briefbot ingest & wait $!; exec briefbot run"]
