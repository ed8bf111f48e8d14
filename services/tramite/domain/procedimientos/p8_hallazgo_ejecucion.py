"""P8 - An intervention executed without the approval or the prior registration the law requires: the finding, and
its referral to inspection (or, for a public unit, to the entity above it).

Every programme, project and activity executed with international cooperation resources is subject to APCI's prior
registration (Ley 28875 art. 5; Ley 27692 art. 5, paras 2-3, Registro Nacional de Intervenciones); the Dirección de
Fiscalización y Supervisión inspects and investigates (ROF of APCI, D.S. 028-2007-RE, art. 48.d, 48.f, 48.g). A
sector or regional cooperation office, or an APCI organ (registries, DGNI), that learns of such an execution
records the finding with APCI (the file's promoter is the executing entity). APCI then:

* refers it to the DFS with the entity's RUC and the intervention; that act's event,
  ``EjecucionSinAprobacionRemitidaAFiscalizacion``, is what fiscalizacion consumes to program an inspection (once per
  event, ``services/fiscalizacion/consumidores.py``);
* or, when the executing unit is public, does not sanction it but tells the entity above it, which must stop the
  conduct, open the disciplinary procedure and report back (RIS, D.S. 027-2007-RE, 1a Disposición Final);
* or dismisses the finding with its reason (the intervention was registered, or was not financed by cooperation).

Decisions: the opening is not the trigger (a finding may be dismissed, and a public unit is never inspected for a
sanction), so fiscalizacion reacts to the referral only. No deadline: the sources give none for these steps.
"""

from __future__ import annotations

from datetime import date

from services.tramite.domain.definicion import Accion, Entrada, Procedimiento
from services.tramite.domain.definicion import TipoOficina as T
from services.tramite.domain.procedimientos.normas import ley27692, ley28875, norma

ROF = "D.S. 028-2007-RE (ROF de APCI)"
RIS = "D.S. 027-2007-RE (RIS de APCI)"
REGISTRADO = "hallazgo_registrado"

HALLAZGO_EJECUCION = Procedimiento(
    codigo="P8-HALLAZGO-EJECUCION-SIN-REGISTRO",
    version=1,
    vigente_desde=date(2007, 5, 1),
    nombre="Ejecucion de una intervencion sin aprobacion ni registro previo: hallazgo y derivacion",
    fundamento=(ley28875("5"), ley27692("5"), norma(ROF, "48.d, 48.f")),
    entradas=(
        Entrada(T.RECTOR, (T.SECTOR, T.REGION, T.RECTOR), REGISTRADO, "HallazgoEjecucionRegistrado",
                (ley28875("5"), ley27692("5"), norma(ROF, "48.g")),
                campos=("intervencion", "descripcion", "regimen_ejecutor"),
                valores={"regimen_ejecutor": ("ongd", "eniex", "ipreda", "privado", "publico")},
                documentos=("informe_hallazgo",),
                descripcion="la oficina que conoce la ejecucion la comunica a APCI; el promotor es quien ejecuta"),
    ),
    acciones=(
        Accion("derivar_a_fiscalizacion", "EjecucionSinAprobacionRemitidaAFiscalizacion", (REGISTRADO,),
               "derivado_a_fiscalizacion", (T.RECTOR,), "custodia", (norma(ROF, "48.d, 48.f"), ley28875("5")),
               documento="memorando", campos=("ruc", "intervencion"),
               descripcion="a la Direccion de Fiscalizacion y Supervision, que programa la fiscalizacion"),
        Accion("comunicar_a_entidad_superior", "EjecucionSinRegistroComunicadaAEntidadSuperior", (REGISTRADO,),
               "comunicado_a_entidad_superior", (T.RECTOR,), "custodia", (norma(RIS, "1a Disposicion Final"),),
               documento="oficio", campos=("entidad_superior",),
               descripcion="unidad publica: APCI no sanciona; la entidad superior cesa la conducta y procesa"),
        Accion("desestimar_hallazgo", "HallazgoEjecucionDesestimado", (REGISTRADO,), "desestimado", (T.RECTOR,),
               "custodia", (ley28875("5"),), documento="informe", campos=("motivo",),
               valores={"motivo": ("intervencion_registrada", "sin_recursos_de_cooperacion", "otro")}),
    ),
    terminales=("derivado_a_fiscalizacion", "comunicado_a_entidad_superior", "desestimado"),
)
