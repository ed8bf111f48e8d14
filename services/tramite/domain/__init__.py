"""Pure domain of the tramite service: procedures as data, the routing engine and the ``Expediente`` aggregate."""
