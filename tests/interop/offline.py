"""No network for the real clients: what they would fetch is turned off, and any
attempt to reach a host is recorded (and fails), so a test can assert none was made.

    from offline import forbid_network, ultralytics_offline
    attempts = forbid_network()            # before any client is imported
    ultralytics = ultralytics_offline(tmp) # env + settings + fonts, then the import
    ...
    assert not attempts, attempts

What Ultralytics (8.4) fetches and how each is turned off:
- `import ultralytics` resolves two host names to decide whether it is online
  (`ONLINE`), which gates its PyPI update check, the auto-update of missing
  requirements and the anonymous usage events: YOLO_OFFLINE=1.
- missing requirements are pip-installed at run time: YOLO_AUTOINSTALL=0.
- settings.json (`sync`: events and Sentry crash reports; integrations such as
  Comet or MLflow when installed) lives in ~/.config/Ultralytics:
  YOLO_CONFIG_DIR puts it in the test's folder, where sync and every
  integration are written off.
- the dataset check (`check_det_dataset`) asks for Arial.ttf and downloads it
  into that folder when missing, plots or not: matplotlib's DejaVuSans.ttf is
  linked there under the names it asks for.
- weights: a model built from its yaml (`YOLO("yolov8n.yaml")`) needs none;
  AMP's check (which would download yolo11n.pt) runs on CUDA only.
"""
import os
import sys

_BLOCKED_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                   "socket.gethostbyaddr", "socket.sendto", "urllib.Request")


class NetworkBlocked(ConnectionError):
    """Raised where a client tried to reach the network; an OSError, so a
    client that handles being offline takes it as being offline."""


def forbid_network():
    """Makes every name look-up and connection outside local sockets raise
    NetworkBlocked in this process (and in workers forked from it); returns
    the list the attempts are recorded in (a forked worker prints its own)."""
    attempts = []

    def hook(event, args):
        if event not in _BLOCKED_EVENTS:
            return
        if event == "socket.connect" and isinstance(args[1], (str, bytes)):
            return  # AF_UNIX (multiprocessing's own sockets)
        what = f"{event}{args[1:] if event.startswith('socket.connect') else args}"
        attempts.append(what)
        print(f"offline: network use blocked: {what}", file=sys.stderr)
        raise NetworkBlocked(f"network use blocked in tests: {what}")

    sys.addaudithook(hook)
    return attempts


def ultralytics_env(config_dir):
    """The environment that keeps Ultralytics (and matplotlib) offline and
    out of $HOME; set before `import ultralytics` (it reads it at import)."""
    return {
        "YOLO_OFFLINE": "1",
        "YOLO_AUTOINSTALL": "0",
        "YOLO_CONFIG_DIR": str(config_dir),
        "MPLCONFIGDIR": os.path.join(str(config_dir), "matplotlib"),
    }


def _link_fonts(settings_dir):
    import matplotlib

    font = os.path.join(matplotlib.get_data_path(), "fonts", "ttf", "DejaVuSans.ttf")
    for name in ("Arial.ttf", "Arial.Unicode.ttf"):
        target = os.path.join(settings_dir, name)
        if not os.path.exists(target):
            os.symlink(font, target)


def ultralytics_offline(config_dir):
    """Imports ultralytics with its network use turned off (see above), its
    settings, fonts and runs under `config_dir`; returns the module."""
    os.makedirs(config_dir, exist_ok=True)
    os.environ.update(ultralytics_env(config_dir))
    settings_dir = os.path.join(str(config_dir), "Ultralytics")  # USER_CONFIG_DIR
    os.makedirs(settings_dir, exist_ok=True)
    _link_fonts(settings_dir)
    import ultralytics

    ultralytics.settings.update({
        "sync": False, "clearml": False, "comet": False, "dvc": False, "mlflow": False,
        "raytune": False, "tensorboard": False, "wandb": False, "vscode_msg": False,
        "openvino_msg": False,
        "datasets_dir": os.path.join(str(config_dir), "datasets"),
        "weights_dir": os.path.join(str(config_dir), "weights"),
        "runs_dir": os.path.join(str(config_dir), "runs"),
    })
    return ultralytics
