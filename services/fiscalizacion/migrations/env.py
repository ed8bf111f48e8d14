from shared.lecturas.migraciones import ejecutar_env

ejecutar_env()
