# metalert in a container: the daemon as a non-root user, its database on a volume.
#
#   docker build -t metalert .
#   docker run -d --name metalert -e TELEGRAM_BOT_TOKEN=... \
#       -v metalert-data:/var/lib/metalert -v "$PWD/config.yaml:/etc/metalert/config.yaml:ro" metalert
#
# The config's storage.path should be absolute and on the volume, e.g. /var/lib/metalert/metalert.db.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY scrapers ./scrapers
COPY alerts ./alerts
# A wheel of metalert and of everything it needs, built once; the runtime image only installs.
RUN python -m pip wheel --wheel-dir /wheels .

FROM python:3.11-slim-bookworm
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 MPLCONFIGDIR=/tmp/matplotlib
# Pinned by construction: the only index is the wheels built above from this tree.
# hadolint ignore=DL3013
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    python -m pip install --no-index --find-links=/wheels metalert \
    && groupadd --system --gid 10001 metalert \
    && useradd --system --uid 10001 --gid metalert --home-dir /var/lib/metalert \
        --shell /usr/sbin/nologin metalert \
    && install -d -o metalert -g metalert -m 0750 /var/lib/metalert \
    && install -d -m 0755 /etc/metalert
COPY --chmod=0644 config.yaml /etc/metalert/config.yaml
USER 10001:10001
WORKDIR /var/lib/metalert
VOLUME ["/var/lib/metalert"]
# metalert status reads the database the daemon writes: exit 0 healthy, 1 not.
HEALTHCHECK --interval=1m --timeout=20s --start-period=5m --retries=3 \
    CMD ["metalert", "status", "--config", "/etc/metalert/config.yaml"]
ENTRYPOINT ["metalert"]
CMD ["run", "--config", "/etc/metalert/config.yaml"]
